// A field of a Box's value moved out and given a new value, printed with the rest.
#[derive(Debug)]
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let mut b = Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) });
    let n = b.next;
    b.next = Some(Box::new(Node { value: 3, next: None }));
    println!("{:?} {:?}", n, b);
}
