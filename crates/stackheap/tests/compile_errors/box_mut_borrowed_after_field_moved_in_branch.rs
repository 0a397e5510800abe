// error[E0382] 10:13: borrow of partially moved value: `b`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let mut b = Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) });
    if b.value > 0 {
        let next = b.next;
        println!("{}", next.is_some());
    }
    // `b.next` may have moved out.
    let r = &mut b;
    r.value = 3;
}
