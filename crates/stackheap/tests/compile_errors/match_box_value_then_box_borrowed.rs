// error[E0382] 13:13: borrow of partially moved value: `b`
struct Person {
    name: String,
    tags: Vec<u8>,
}
fn main() {
    let b = Box::new(Person { name: String::from("Ann"), tags: vec![1] });
    match *b {
        Person { tags, .. } => println!("{:?}", tags),
    }
    // The name is still there,
    println!("{}", b.name);
    let r = &b;
    println!("{}", r.name);
}
