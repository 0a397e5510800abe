// Destructuring the value of a Box moves only the parts the names take; the rest stays with
// the Box and is dropped with it, before its block.
#[derive(Debug)]
struct Node { value: i32, next: Option<Box<Node>> }
struct P { name: String, tag: String, age: u32 }
fn main() {
    let b = Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) });
    let Node { value, next } = *b;
    println!("{} {} {:?}", b.value, value, next);
    let p = Box::new(P { name: String::from("n"), tag: String::from("t"), age: 4 });
    let P { name, .. } = *p;
    println!("{} {} {}", name, p.tag, p.age);
    let q = Box::new((String::from("a"), String::from("b")));
    let (_, second) = *q;
    println!("{} {}", second, q.0);
}
