// error[E0382] 6:17: use of moved value: `node.next`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let node = Box::new(Node { value: 1, next: None });
    let next = node.next;
    let again = node.next;
    println!("{} {}", next.is_none(), again.is_none());
}
