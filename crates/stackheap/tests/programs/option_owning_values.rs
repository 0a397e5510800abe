#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node2>>,
}

#[derive(Debug)]
struct Node2 {
    value: i32,
}

fn find_name(id: u32) -> Option<String> {
    if id == 1 {
        Some(String::from("Ann"))
    } else {
        None
    }
}

fn main() {
    let a = find_name(1);
    let b = find_name(2);
    println!("{:?} {:?}", a, b);
    match a {
        Some(name) => println!("hello {name}"),
        None => println!("nobody"),
    }
    if let Some(n) = find_name(1) {
        println!("{} {}", n, n.len());
    }
    match find_name(1) {
        Some(_) => println!("someone"),
        None => println!("no one"),
    }
    let c = find_name(1).unwrap();
    println!("{c}");
    let d = find_name(1);
    let e = d.unwrap();
    println!("{e}");
    println!("{}", find_name(1).is_some());
    let n = Node { value: 1, next: Some(Box::new(Node2 { value: 2 })) };
    println!("{:?}", n);
    let m = Node { value: 3, next: None };
    println!("{} {}", m.value, m.next.is_none());
    let mut v: Option<Vec<i32>> = Some(vec![1, 2]);
    println!("{:?}", v);
    v = None;
    println!("{:?}", v);
    println!("{}", b.is_none());
}
