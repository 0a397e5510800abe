// error[E0382] 10:13: use of moved value: `p.name`
struct Person {
    name: String,
    age: u32,
}

fn main() {
    let p = Person { name: String::from("Ada"), age: 36 };
    let q = p;
    let n = p.name;
    println!("{} {}", q.age, n);
}
