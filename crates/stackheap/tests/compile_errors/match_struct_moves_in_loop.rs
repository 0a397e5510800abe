// error[E0382] 10:22: use of moved value: `p.tags`
struct Person {
    name: String,
    tags: Vec<u8>,
}
fn main() {
    let p = Person { name: String::from("Ann"), tags: vec![1] };
    for _ in 0..2 {
        match p {
            Person { tags, .. } => println!("{:?}", tags),
        }
    }
    println!("{}", p.name);
}
