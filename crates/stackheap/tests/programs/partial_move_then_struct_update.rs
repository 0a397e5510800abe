// After `p.name` moved out, `..p` can still fill the fields that remain.
#[derive(Debug)]
struct Person {
    name: String,
    city: String,
    age: u32,
}

fn main() {
    let p = Person {
        name: String::from("Ada"),
        city: String::from("London"),
        age: 36,
    };
    let name = p.name;
    let q = Person {
        name: String::from("Grace"),
        ..p
    };
    println!("{name} {:?}", q);
}
