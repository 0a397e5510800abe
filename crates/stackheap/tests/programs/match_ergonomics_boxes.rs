// Linked lists and trees walked with match ergonomics: patterns against references to
// `Option<Box<_>>` bind references to the Box, without `.as_ref()` or `.as_mut()`.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

#[derive(Debug)]
struct Tree {
    left: Option<Box<Tree>>,
    value: i32,
    right: Option<Box<Tree>>,
}

fn sum(list: &Option<Box<Node>>) -> i32 {
    let mut total = 0;
    let mut cur = list;
    while let Some(node) = cur {
        total += node.value;
        cur = &node.next;
    }
    total
}

fn length(node: &Option<Box<Node>>) -> usize {
    match node {
        None => 0,
        Some(n) => 1 + length(&n.next),
    }
}

fn double_all(list: &mut Option<Box<Node>>) {
    let mut cur = list;
    while let Some(node) = cur {
        node.value *= 2;
        cur = &mut node.next;
    }
}

fn insert(node: &mut Option<Box<Tree>>, v: i32) {
    match node {
        Some(n) => {
            if v < n.value {
                insert(&mut n.left, v);
            } else {
                insert(&mut n.right, v);
            }
        }
        None => *node = Some(Box::new(Tree { left: None, value: v, right: None })),
    }
}

fn in_order(node: &Option<Box<Tree>>, out: &mut Vec<i32>) {
    if let Some(n) = node {
        in_order(&n.left, out);
        out.push(n.value);
        in_order(&n.right, out);
    }
}

fn height(node: &Option<Box<Tree>>) -> u32 {
    match node {
        None => 0,
        Some(n) => 1 + height(&n.left).max(height(&n.right)),
    }
}

fn largest(node: &Option<Box<Tree>>) -> Option<i32> {
    let mut cur = node;
    let mut best = None;
    while let Some(n) = cur {
        best = Some(n.value);
        cur = &n.right;
    }
    best
}

fn main() {
    let mut head = None;
    for i in 1..=4 {
        head = Some(Box::new(Node { value: i, next: head }));
    }
    println!("sum {} length {}", sum(&head), length(&head));
    double_all(&mut head);
    println!("{:?}", head);
    if let Some(first) = &head {
        println!("first {}", first.value);
        if let Some(second) = &first.next {
            println!("second {}", second.value);
        }
    }
    if let Some(first) = &mut head {
        first.value += 1;
    }
    match &head {
        Some(n) if n.value > 5 => println!("big head {}", n.value),
        Some(n) => println!("small head {}", n.value),
        None => println!("empty"),
    }

    let mut root = None;
    for v in [5, 3, 8, 1, 4, 9, 7] {
        insert(&mut root, v);
    }
    let mut out = Vec::new();
    in_order(&root, &mut out);
    println!("{:?} height {} largest {:?}", out, height(&root), largest(&root));
    if let Some(r) = &mut root {
        r.value = 6;
        if let Some(l) = &mut r.left {
            l.value = 2;
        }
    }
    let mut out = Vec::new();
    in_order(&root, &mut out);
    println!("{:?}", out);
}
