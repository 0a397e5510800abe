// A singly linked list of Boxes: push at the front, walk by reference and by value.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

struct List {
    head: Option<Box<Node>>,
    len: usize,
}

impl List {
    fn new() -> List {
        List { head: None, len: 0 }
    }

    fn push(&mut self, value: i32) {
        let old = self.head.take();
        self.head = Some(Box::new(Node { value, next: old }));
        self.len += 1;
    }

    fn pop(&mut self) -> Option<i32> {
        match self.head.take() {
            None => None,
            Some(node) => {
                self.head = node.next;
                self.len -= 1;
                Some(node.value)
            }
        }
    }

    fn sum(&self) -> i32 {
        let mut total = 0;
        let mut cur = self.head.as_ref();
        while let Some(node) = cur {
            total += node.value;
            cur = node.next.as_ref();
        }
        total
    }
}

fn length(node: &Option<Box<Node>>) -> usize {
    match node.as_ref() {
        None => 0,
        Some(n) => 1 + length(&n.next),
    }
}

fn push_front(head: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, next: head }))
}

fn main() {
    let mut list = List::new();
    for i in 1..=4 {
        list.push(i * 10);
    }
    println!("len {} sum {} counted {}", list.len, list.sum(), length(&list.head));
    println!("{:?}", list.head);
    println!("popped {:?} {:?}", list.pop(), list.pop());
    println!("{:#?}", list.head);
    let mut head = None;
    for i in 0..3 {
        head = push_front(head, i);
    }
    if let Some(first) = head.as_ref() {
        println!("first {} second {}", first.value, first.next.as_ref().unwrap().value);
    }
    if let Some(first) = head.as_mut() {
        first.value = 100;
    }
    // By value: each node's Box is freed as the walk leaves it.
    let mut cur = head;
    let mut seen = Vec::new();
    while let Some(node) = cur {
        seen.push(node.value);
        cur = node.next;
    }
    println!("{:?}", seen);
    println!("{} {}", std::mem::size_of::<Node>(), std::mem::size_of::<Option<Box<Node>>>());
}
