// A struct holding a Box: a field of the Box's value moves out on its own; the rest of the
// struct, the rest of the Box's value and the Box's block are dropped at the end of `main`.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

struct List {
    head: Box<Node>,
    name: String,
}

fn main() {
    let list = List {
        head: Box::new(Node {
            value: 1,
            next: Some(Box::new(Node { value: 2, next: None })),
        }),
        name: String::from("list"),
    };
    let rest = list.head.next;
    println!("{} {} {:?}", list.name, list.head.value, rest);
    drop(rest);
    println!("rest dropped");
}
