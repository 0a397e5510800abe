// error[E0382] 15:16: borrow of partially moved value: `list.head`
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}
struct List {
    head: Box<Node>,
    len: u32,
}
fn main() {
    let list = List { head: Box::new(Node { value: 1, next: None }), len: 1 };
    let rest = list.head.next;
    // The other fields are still there,
    println!("{} {} {}", list.head.value, list.len, rest.is_none());
    let head = &list.head;
    println!("{}", head.value);
}
