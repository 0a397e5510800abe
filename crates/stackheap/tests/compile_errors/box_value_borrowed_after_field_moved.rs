// error[E0382] 7:13: borrow of partially moved value: `*b`
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let b = Box::new(Node { value: 1, next: None });
    let next = b.next;
    println!("{}", b.value);
    let r = &*b;
    println!("{} {}", next.is_none(), r.value);
}
