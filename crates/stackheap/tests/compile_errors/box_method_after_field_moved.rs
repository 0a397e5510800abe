// error[E0382] 11:20: borrow of partially moved value: `*b`
struct Node { value: i32, next: Option<Box<Node>> }
impl Node {
    fn value(&self) -> i32 {
        self.value
    }
}
fn main() {
    let b = Box::new(Node { value: 1, next: None });
    let next = b.next;
    println!("{}", b.value());
    println!("{}", next.is_none());
}
