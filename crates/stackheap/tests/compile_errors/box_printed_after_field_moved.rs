// error[E0382] 10:22: borrow of partially moved value: `b`
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}
fn main() {
    let b = Box::new(Node { value: 1, next: None });
    let next = b.next;
    println!("{:?}", b);
    println!("{:?}", next);
}
