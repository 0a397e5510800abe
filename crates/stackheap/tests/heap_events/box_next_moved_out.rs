// Moving `next` out of a Box keeps the Box's block until the Box goes out of scope.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn main() {
    let first = Box::new(Node {
        value: 1,
        next: Some(Box::new(Node { value: 2, next: None })),
    });
    let rest = first.next;
    println!("{} {:?}", first.value, rest);
    {
        let inner = rest;
        println!("{}", inner.is_some());
    }
    println!("end");
}
