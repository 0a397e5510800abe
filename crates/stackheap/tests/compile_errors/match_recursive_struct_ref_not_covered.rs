// error[E0004] 5:11: non-exhaustive patterns: `&Node { value: i32::MIN..=-1_i32, next: Some(_) }` and `&Node { value: 1_i32..=i32::MAX, next: Some(_) }` not covered
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let n = Node { value: 1, next: None };
    match &n {
        Node { next: None, .. } => println!("last"),
        Node { value: 0, next: Some(_) } => println!("zero"),
    }
}
