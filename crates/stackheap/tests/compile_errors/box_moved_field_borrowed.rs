// error[E0382] 6:13: borrow of moved value: `b.next`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let b = Box::new(Node { value: 1, next: None });
    let n = b.next;
    let r = &b.next;
    println!("{} {} {}", n.is_none(), r.is_none(), b.value);
}
