// Printing a linked list with `{:?}` and `{:#?}`: each Box prints what it points to.
#[derive(Debug)]
struct Node {
    value: u8,
    next: Option<Box<Node>>,
}

fn build(n: u8) -> Option<Box<Node>> {
    let mut head = None;
    for i in 0..n {
        head = Some(Box::new(Node { value: i, next: head }));
    }
    head
}

fn main() {
    let list = build(60);
    let mut count = 0;
    let mut cur = &list;
    while cur.is_some() {
        count += 1;
        cur = &cur.as_ref().unwrap().next;
    }
    println!("{count}");
    println!("{:?}", build(3));
    println!("{:#?}", build(2));
    println!("{:?}", list);
}
