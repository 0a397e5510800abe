// error[E0382] 14:10: use of partially moved value: `p`
struct Person {
    name: String,
    age: u32,
}

fn show(p: Person) {
    println!("{} {}", p.name, p.age);
}

fn main() {
    let p = Person { name: String::from("Ada"), age: 36 };
    let n = p.name;
    show(p);
    println!("{}", n);
}
