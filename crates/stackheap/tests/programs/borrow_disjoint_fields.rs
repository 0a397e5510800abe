// Borrows of different fields of one struct or tuple do not conflict: a `&mut` to one
// field and a `&` to another, a field moved out while another is borrowed, a pattern that
// moves one part while the other is borrowed.
struct P {
    a: i32,
    b: i32,
}

struct Person {
    name: String,
    age: u32,
}

fn main() {
    let mut p = P { a: 1, b: 2 };
    let r = &mut p.a;
    let s = &p.b;
    *r += *s;
    println!("{}", p.a);

    let person = Person { name: String::from("Ada"), age: 36 };
    let age = &person.age;
    let name = person.name;
    println!("{} {}", name, age);

    let t = (String::from("a"), String::from("b"));
    let second = &t.1;
    let (first, _) = t;
    println!("{} {}", first, second);
}
