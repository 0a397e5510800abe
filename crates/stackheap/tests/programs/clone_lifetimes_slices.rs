// A deep clone beside a partial move, a returned reference coerced from a Box's field,
// string slices kept by a struct with a lifetime and passed through `longest`.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    tags: Vec<String>,
    age: u32,
}

struct Excerpt<'a> {
    part: &'a str,
}

fn name_of<'a>(p: &'a Box<Person>) -> &'a str {
    &p.name
}



fn longest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.len() >= b.len() { a } else { b }
}

fn main() {
    let p = Person { name: String::from("Ada"), tags: vec![String::from("x")], age: 36 };
    let q = p.clone();
    let n = p.name;
    println!("{} {:?} {:?}", n, p.tags, q);
    let b = Box::new(q.clone());
    let r = name_of(&b);
    println!("{}", r);
    let text = String::from("call me maybe");
    let e = Excerpt { part: &text[5..7] };
    let l = longest(e.part, &text);
    println!("{} {}", e.part, l);
    let words: Vec<&str> = vec![&text[..4], &text[8..]];
    for (i, w) in words.iter().enumerate() {
        println!("{} {} {}", i, w, w.len());
    }
}
