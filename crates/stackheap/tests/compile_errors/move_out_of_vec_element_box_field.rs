// error[E0507] 6:16: cannot move out of index of `Vec<Box<Node>>`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let nodes = vec![Box::new(Node { value: 1, next: None })];
    println!("{}", nodes[0].value);
    let next = nodes[0].next;
    println!("{}", next.is_none());
}
