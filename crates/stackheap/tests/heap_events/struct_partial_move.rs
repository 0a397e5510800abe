// A struct whose `name` moves out: only `tags` is dropped with it, at the end of `main`.
struct Person {
    name: String,
    tags: Vec<u8>,
    age: u32,
}

fn main() {
    let p = Person {
        name: String::from("Ada"),
        tags: vec![1, 2, 3],
        age: 36,
    };
    let name = p.name;
    println!("{} {}", p.age, p.tags.len());
    drop(name);
    println!("name dropped");
}
