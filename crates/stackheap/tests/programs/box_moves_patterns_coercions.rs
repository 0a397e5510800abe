// Moves of Box fields out of structs and of the only owning field out of a Box, match
// ergonomics with deref coercion (`&String` bound by a pattern passed as `&str`, `&Box<T>`
// as `&T`), and for loops over Vecs of Boxes by reference, enumerated and by value.
#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}

struct Pair {
    a: Box<String>,
    b: String,
}

fn takes_str(s: &str) -> usize {
    s.len()
}

fn takes_person(p: &Person) -> u32 {
    p.age
}

fn main() {
    // A Box field moved out of a struct; the rest is dropped with the struct.
    let p = Pair { a: Box::new(String::from("boxed")), b: String::from("plain") };
    let x = p.a;
    println!("{} {}", x, p.b);
    // Moving the only owning field out of a Box local.
    let b = Box::new(Person { name: String::from("Ada"), age: 36 });
    let n = b.name;
    println!("{} {}", n, b.age);
    // Match ergonomics with deref coercion.
    let opt = Some(String::from("hello"));
    if let Some(s) = &opt {
        println!("{}", takes_str(s));
    }
    let names = vec![String::from("a"), String::from("bcd")];
    for (i, s) in names.iter().enumerate() {
        println!("{} {}", i, takes_str(s));
    }
    if let Some(w) = names.first() {
        println!("first {}", takes_str(w));
    }
    let bp = Some(Box::new(Person { name: String::from("Bo"), age: 7 }));
    match &bp {
        Some(b) => println!("{}", takes_person(b)),
        None => {}
    }
    let boxes = vec![Box::new(1), Box::new(2)];
    let mut total = 0;
    for b in &boxes {
        total += **b;
    }
    for (i, b) in boxes.iter().enumerate() {
        total += i as i32 * **b;
    }
    println!("{}", total);
    let people = vec![Box::new(Person { name: String::from("C"), age: 3 })];
    for p in &people {
        println!("{} {}", p.name, p.age);
    }
    for p in people {
        let q = *p;
        println!("{:?}", q);
    }
}
