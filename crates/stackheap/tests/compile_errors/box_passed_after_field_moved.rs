// error[E0382] 8:29: borrow of partially moved value: `b`
struct Node { value: i32, next: Option<Box<Node>> }
fn value_of(n: &Node) -> i32 { n.value }
fn main() {
    let b = Box::new(Node { value: 1, next: None });
    let next = b.next;
    // `&b` is coerced to `&Node`, but it borrows all of `b` first.
    println!("{}", value_of(&b));
    println!("{}", next.is_none());
}
