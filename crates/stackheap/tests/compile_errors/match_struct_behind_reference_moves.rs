// error[E0507] 7:11: cannot move out of `r.name` which is behind a shared reference
struct Person {
    name: String,
    age: u32,
}
fn show(r: &Person) {
    match *r {
        Person { name, .. } => println!("{name}"),
    }
}
fn main() {
    show(&Person { name: String::from("Ann"), age: 3 });
}
