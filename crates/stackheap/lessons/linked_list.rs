// title: A linked list of Boxes
// teaches: Each node is a heap block of its own that a Box points to; the list's head is one pointer on the stack, and `None` fits in that pointer's niche. Dropping the list frees the last node first: a Box drops its value (the rest of the list) before its own block.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn push(head: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, next: head }))
}

fn sum(head: &Option<Box<Node>>) -> i32 {
    let mut total = 0;
    let mut cur = head.as_ref();
    while let Some(node) = cur {
        total += node.value;
        cur = node.next.as_ref();
    }
    total
}

fn main() {
    let mut list = None;
    for value in [3, 2, 1] {
        list = push(list, value);
    }
    println!("{:?}", list);
    println!("sum: {}", sum(&list));
}
