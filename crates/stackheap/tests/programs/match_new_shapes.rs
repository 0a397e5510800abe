// Patterns over the new shapes: a recursive struct behind a reference, string slices and
// `as_str()` against string literals, byte ranges on `as_bytes().first()`, `bytes()`, a
// tuple and a list matched through references with guards, an `Option<&str>` of a slice.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn describe(n: &Node) -> &str {
    match n {
        Node { next: None, .. } => "last",
        Node { value: 0, next: Some(_) } => "zero with more",
        Node { next: Some(_), .. } => "more",
    }
}

fn kind(s: &str) -> u8 {
    match s {
        "" => 0,
        "a" | "b" => 1,
        _ => 2,
    }
}

fn first_byte(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(b'a'..=b'z') => "lower",
        Some(b'0'..=b'9') => "digit",
        Some(_) => "other",
        None => "empty",
    }
}

fn main() {
    let tail = Node { value: 3, next: None };
    let mid = Node { value: 0, next: Some(Box::new(tail)) };
    println!("{} {}", describe(&mid), describe(mid.next.as_ref().unwrap()));
    let owned = String::from("abc");
    println!("{} {} {}", kind(&owned), kind(&owned[..1]), kind(owned.as_str()));
    println!("{} {} {}", first_byte("x1"), first_byte(&owned[1..]), first_byte(""));
    let text = String::from("hello world");
    let mut words = 0;
    for b in text.bytes() {
        if b == b' ' {
            words += 1;
        }
    }
    println!("{}", words + 1);
    let pair = (String::from("k"), 5);
    match &pair {
        (k, 0) => println!("zero {}", k),
        (k, n) if *n > 3 => println!("big {} {}", k, n),
        (k, _) => println!("small {}", k),
    }
    let opt: Option<&str> = Some(&text[6..]);
    match opt {
        Some("world") => println!("world!"),
        Some(other) => println!("{}", other),
        None => {}
    }
    let mut list = Some(Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) }));
    match &mut list {
        Some(n) if n.value == 1 => n.value = 10,
        Some(n) => n.value = -1,
        None => {}
    }
    if let Some(n) = &list {
        if let Some(m) = &n.next {
            println!("{} {}", n.value, m.value);
        }
    }
    let chars: Vec<char> = vec!['a', 'é'];
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'a'..='z' => println!("{} ascii", i),
            _ => println!("{} other {}", i, c),
        }
    }
}
