// error[E0382] 10:20: borrow of moved value: `p.name`
struct Person {
    name: String,
    age: u32,
}

fn main() {
    let p = Person { name: String::from("Ada"), age: 36 };
    let n = p.name;
    println!("{}", p.name);
    println!("{} {}", n, p.age);
}
