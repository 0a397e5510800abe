#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}

fn make(n: &str) -> String {
    let mut s = String::from(n);
    s.push_str("!");
    s
}

fn shout(s: String) -> usize {
    println!("{s}");
    s.len()
}

fn main() {
    let p = Person { name: String::from("Ann"), age: 30 };
    println!("{:?}", p);
    println!("{:#?}", p);
    let m = make("hey");
    println!("{m}");
    let n = shout(m);
    println!("{n}");
    let o: Option<char> = Some('z');
    println!("{:?} {}", o, std::mem::size_of::<Option<char>>());
    println!("{}", std::mem::size_of::<String>());
    println!("{}", std::mem::size_of::<&str>());
    println!("{}", std::mem::size_of::<Option<String>>());
    let label = if n > 3 { "big" } else { "small" };
    println!("{label}");
    let t = format!("{}/{}", p.name, p.age);
    println!("{t}");
    let words = match n {
        0 => "zero",
        1..=3 => "few",
        _ => "many",
    };
    println!("{words}");
}
