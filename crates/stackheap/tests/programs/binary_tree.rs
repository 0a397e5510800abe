// A binary search tree of Boxes: recursive insert through `&mut Option<Box<Tree>>`,
// in-order traversal, height and a search.
#[derive(Debug)]
struct Tree {
    left: Option<Box<Tree>>,
    value: i32,
    right: Option<Box<Tree>>,
}

fn insert(node: &mut Option<Box<Tree>>, v: i32) {
    if let Some(n) = node.as_mut() {
        if v < n.value {
            insert(&mut n.left, v);
        } else {
            insert(&mut n.right, v);
        }
    } else {
        *node = Some(Box::new(Tree { left: None, value: v, right: None }));
    }
}

fn in_order(node: &Option<Box<Tree>>, out: &mut Vec<i32>) {
    if let Some(n) = node.as_ref() {
        in_order(&n.left, out);
        out.push(n.value);
        in_order(&n.right, out);
    }
}

fn height(node: &Option<Box<Tree>>) -> u32 {
    match node.as_ref() {
        None => 0,
        Some(n) => 1 + height(&n.left).max(height(&n.right)),
    }
}

fn contains(node: &Option<Box<Tree>>, v: i32) -> bool {
    let mut cur = node.as_ref();
    while let Some(n) = cur {
        if v == n.value {
            return true;
        }
        cur = if v < n.value { n.left.as_ref() } else { n.right.as_ref() };
    }
    false
}

fn main() {
    let mut root = None;
    for v in [50, 30, 70, 20, 40, 60, 80, 35] {
        insert(&mut root, v);
    }
    let mut out = Vec::new();
    in_order(&root, &mut out);
    println!("{:?}", out);
    println!("height {}", height(&root));
    println!("{} {}", contains(&root, 35), contains(&root, 36));
    let small = Some(Box::new(Tree { left: None, value: 1, right: None }));
    println!("{:?}", small);
    println!("{}", std::mem::size_of::<Tree>());
}
