// error[E0382] 12:22: borrow of partially moved value: `p`
#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}
fn main() {
    let p = Person { name: String::from("Ann"), age: 3 };
    match p {
        Person { name, age } => println!("{name} {age}"),
    }
    println!("{:?}", p);
}
