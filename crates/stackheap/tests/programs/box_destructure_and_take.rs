// A Box's value destructured by a let pattern, a struct's list field moved out and given
// a new list, a walk by value with `take()`, and turbofish on Vecs and Options of Boxes.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

struct List {
    head: Option<Box<Node>>,
    len: usize,
}

fn make(n: i32) -> Option<Box<Node>> {
    let mut head = None;
    for i in 0..n {
        head = Some(Box::new(Node { value: i, next: head }));
    }
    head
}

fn main() {
    // Destructuring the value in a Box.
    let head = make(3);
    if let Some(node) = head {
        let Node { value, next } = *node;
        println!("{} {}", value, next.unwrap().value);
    }
    // A struct local whose list field moves out, then is given a new list.
    let mut list = List { head: make(2), len: 2 };
    let old = list.head;
    list.head = make(1);
    println!("{} {:?} {}", list.len, old.is_some(), list.head.as_ref().unwrap().value);
    // take() and a walk by value.
    let mut cur = list.head.take();
    let mut seen = Vec::new();
    while let Some(mut node) = cur {
        cur = node.next.take();
        seen.push(node.value);
    }
    println!("{:?} {}", seen, list.head.is_none());
    // Turbofish with boxes.
    let mut v = Vec::<Box<Node>>::new();
    v.push(Box::new(Node { value: 5, next: None::<Box<Node>> }));
    println!("{:?}", v);
}
