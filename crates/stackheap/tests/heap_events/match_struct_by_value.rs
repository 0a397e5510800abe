// `match` by value on structs and tuples that own memory: an arm's names take their parts
// (dropped at the end of the arm unless moved on), the rest stays with the variable (or,
// for a temporary, is dropped after the arm); a guard that fails takes nothing.
#[derive(Debug)]
struct Person {
    name: String,
    tags: Vec<u8>,
    age: u32,
}

fn person(name: &str, age: u32) -> Person {
    Person {
        name: String::from(name),
        tags: vec![1, 2],
        age,
    }
}

fn main() {
    let p = person("Ann", 30);
    match p {
        Person { age: 0..=17, .. } => println!("minor"),
        Person { name, age, .. } => println!("{name} {age}"),
    }
    println!("after {:?}", p.tags);

    match person("Bo", 5) {
        Person { tags, age: 0..=17, .. } => println!("minor {:?}", tags),
        _ => println!("adult"),
    }

    let q = person("Cy", 50);
    match q {
        Person { name, .. } if name.len() > 10 => println!("{name}"),
        Person { age, .. } => println!("{age}"),
    }

    let t = (String::from("left"), String::from("right!"));
    let kept = match t {
        (l, r) if l.len() > r.len() => l,
        (_, r) => r,
    };
    println!("{kept}");

    let b = Box::new(person("Di", 9));
    match *b {
        Person { tags, .. } => println!("{:?}", tags),
    }
    println!("end {}", b.name);
}
