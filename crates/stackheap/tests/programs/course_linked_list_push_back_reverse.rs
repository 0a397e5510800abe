// A program a memory course writes (see its name); it runs as rustc's build runs it.
#[derive(Debug)]
struct Node { value: i32, next: Option<Box<Node>> }

fn push_back(head: &mut Option<Box<Node>>, value: i32) {
    let mut cur = head;
    while let Some(node) = cur {
        cur = &mut node.next;
    }
    *cur = Some(Box::new(Node { value, next: None }));
}

fn len(head: &Option<Box<Node>>) -> usize {
    match head {
        Some(n) => 1 + len(&n.next),
        None => 0,
    }
}

fn reverse(head: Option<Box<Node>>) -> Option<Box<Node>> {
    let mut prev = None;
    let mut cur = head;
    while let Some(mut node) = cur {
        cur = node.next;
        node.next = prev;
        prev = Some(node);
    }
    prev
}

fn print_list(head: &Option<Box<Node>>) {
    let mut cur = head;
    let mut out = String::new();
    while let Some(n) = cur {
        out.push_str(&n.value.to_string());
        out.push(' ');
        cur = &n.next;
    }
    println!("{}", out.trim());
}

fn main() {
    let mut list = None;
    for i in 1..=5 {
        push_back(&mut list, i);
    }
    print_list(&list);
    println!("len {}", len(&list));
    let list = reverse(list);
    print_list(&list);
}
