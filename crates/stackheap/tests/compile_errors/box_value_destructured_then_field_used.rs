// error[E0382] 10:20: borrow of moved value: `p.name`
struct Person {
    name: String,
    city: String,
}
fn main() {
    let p = Box::new(Person { name: String::from("Ann"), city: String::from("Rome") });
    let Person { name, .. } = *p;
    println!("{} {}", name, p.city);
    println!("{}", p.name);
}
