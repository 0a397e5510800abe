// `match` on structs and tuples that own heap memory: by reference (match ergonomics binds
// references), by value (names take their parts, the rest stays), from temporaries, with
// guards, ranges and nested Options.
#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}

#[derive(Debug)]
struct Pair {
    label: String,
    items: Vec<i32>,
}

fn person(name: &str, age: u32) -> Person {
    Person { name: String::from(name), age }
}

fn describe(p: &Person) -> String {
    match p {
        Person { age: 0..=12, name } => format!("child {name}"),
        Person { name, age } if *age >= 65 => format!("senior {name}"),
        Person { name, .. } => name.clone(),
    }
}

fn main() {
    let ann = person("Ann", 7);
    let bo = person("Bo", 70);
    let cy = person("Cy", 30);
    for p in [&ann, &bo, &cy] {
        println!("{}", describe(p));
    }
    let mut dee = person("Dee", 1);
    match &mut dee {
        Person { name, age } => {
            name.push_str("rdre");
            *age += 40;
        }
    }
    println!("{:?}", dee);
    let name = match dee {
        Person { age: 0..=17, .. } => String::from("minor"),
        Person { name, .. } => name,
    };
    println!("{name} {}", dee.age);
    match person("Eve", 3) {
        Person { name, age: 3 } => println!("three {name}"),
        _ => println!("other"),
    }
    let pair = Pair { label: String::from("nums"), items: vec![1, 2, 3] };
    match pair {
        Pair { label, items } if items.len() > 5 => println!("{label} {:?}", items),
        Pair { items, .. } => println!("{:?} {}", items, pair.label),
    }
    let t = (String::from("x"), 5);
    match t {
        (s, 5) => println!("five {s}"),
        (s, _) => println!("{s}"),
    }
    let u = (String::from("y"), vec![1]);
    match &u {
        (s, v) if v.is_empty() => println!("empty {s}"),
        (s, v) => println!("{s} {:?}", v),
    }
    let maybe = Some(person("Fay", 44));
    match maybe {
        Some(Person { name, age: 40..=49 }) => println!("forties {name}"),
        Some(p) => println!("{:?}", p),
        None => println!("nobody"),
    }
    let b = Box::new(person("Gus", 2));
    match *b {
        Person { name, age } => println!("{name} {age}"),
    }
}
