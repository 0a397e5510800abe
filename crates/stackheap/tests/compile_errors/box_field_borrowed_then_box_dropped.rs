// error[E0505] 11:10: cannot move out of `b` because it is borrowed
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let mut n = Node { value: 1, next: None };
    let r = &mut n.next;
    let v = &n.value;
    *r = None;
    println!("{}", v);
    let b = Box::new(Node { value: 2, next: None });
    let x = &b.value;
    drop(b);
    println!("{}", x);
}
