// error[E0072] 2:1: recursive type `Node` has infinite size
struct Node {
    value: i32,
    next: Option<Node>,
}
fn main() {
    let n = Node { value: 1, next: None };
    println!("{}", n.value);
}
