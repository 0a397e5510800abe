// A field moved out of a Box's value leaves the other fields readable and writable, and
// the moved field can be given a new value, after which the whole Box is usable again.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn main() {
    let mut b = Box::new(Node {
        value: 1,
        next: Some(Box::new(Node { value: 2, next: None })),
    });
    let r = &b.value;
    let rest = b.next;
    println!("{} {:?}", r, rest);
    b.value = 5;
    b.value += 1;
    println!("{}", b.value);
    b.next = Some(Box::new(Node { value: 3, next: rest }));
    let whole = &b;
    println!("{:?}", whole);
}
