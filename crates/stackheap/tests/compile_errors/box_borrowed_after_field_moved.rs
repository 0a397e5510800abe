// error[E0382] 9:13: borrow of partially moved value: `node`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let node = Box::new(Node { value: 1, next: None });
    let next = node.next;
    // Reading the other field is fine,
    println!("{}", node.value);
    // but the whole Box is only partly there.
    let r = &node;
    println!("{} {}", next.is_none(), r.value);
}
