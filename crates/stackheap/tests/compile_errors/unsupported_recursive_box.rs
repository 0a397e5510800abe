// unsupported 2:8: a recursive type (through `Box` or `Vec`) is not supported yet
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}
fn main() {
    let n = Node { value: 1, next: None };
    println!("{}", n.value);
}
