// error[E0382] 11:20: borrow of moved value: `p.name`
struct Person {
    name: String,
    age: u32,
}
fn main() {
    let p = Person { name: String::from("Ann"), age: 3 };
    match p {
        Person { name, .. } => println!("{name}"),
    }
    println!("{}", p.name);
}
