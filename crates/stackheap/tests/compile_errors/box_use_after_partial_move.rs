// error[E0382] 13:17: use of partially moved value: `node`
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}
fn main() {
    let mut cur = Some(Box::new(Node { value: 1, next: None }));
    let mut sum = 0;
    while let Some(node) = cur {
        cur = node.next;
        sum += node.value;
        println!("{sum}");
        let n = node;
        println!("{}", n.value);
    }
}
