struct Node {
    value: i32,
    next: Box<i32>,
}

fn main() {
    let n = Node { value: 1, next: Box::new(2) };
    println!("{} {}", n.value, *n.next);
    let b = Box::new(3);
    let c = b;
    println!("{}", *c);
}
