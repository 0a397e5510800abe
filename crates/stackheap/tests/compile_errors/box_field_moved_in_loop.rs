// error[E0382] 7:17: use of moved value: `b.next`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let b = Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) });
    let mut i = 0;
    while i < 2 {
        let n = b.next;
        println!("{}", n.is_some());
        i += 1;
    }
}
