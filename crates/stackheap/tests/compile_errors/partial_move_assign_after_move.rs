// error[E0382] 10:5: assign to part of moved value: `p`
struct Person {
    name: String,
    age: u32,
}

fn main() {
    let mut p = Person { name: String::from("Ada"), age: 36 };
    let q = p;
    p.name = String::from("Bo");
    println!("{}", q.name);
}
