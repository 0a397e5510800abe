// A temporary borrowed by an argument (`&String::from(..)`, `&make()`) stays intact while
// the callee's locals fill its frame, and is dropped at the end of the statement.
struct Person {
    name: String,
    age: u32,
}

fn make(name: &str, age: u32) -> Person {
    Person { name: String::from(name), age }
}

fn len_twice(s: &String) -> usize {
    let n = s.len();
    let copies = vec![n; 3];
    copies[0] + s.len()
}

fn describe(p: &Person) -> String {
    let prefix = String::from("child ");
    match p {
        Person { age: 0..=12, name } => format!("{prefix}{name}"),
        Person { name, .. } => name.clone(),
    }
}

fn main() {
    println!("{}", len_twice(&String::from("hello")));
    println!("{}", describe(&make("Zoe", 4)));
    println!("{}", describe(&make("Max", 40)));
    let total = len_twice(&format!("{}-{}", 1, 2)) + len_twice(&String::from("ab"));
    println!("{total}");
}
