// A field moved out of a temporary: the temporary's other fields are dropped at the end of
// the statement (in declaration order; a temporary Box's block after them), the moved field
// lives on in its new owner.
struct Person {
    name: String,
    city: String,
    age: u32,
}

fn person(name: &str) -> Person {
    Person {
        name: String::from(name),
        city: String::from("Paris"),
        age: 40,
    }
}

fn boxed(name: &str) -> Box<Person> {
    Box::new(person(name))
}

fn pair() -> (String, Vec<i32>) {
    (String::from("left"), vec![1, 2])
}

fn shout(s: String) -> usize {
    s.len() * 2
}

fn main() {
    let name = person("Ann").name;
    println!("{name}");
    let right = pair().1;
    println!("{:?}", right);
    let city = boxed("Bo").city;
    println!("{city}");
    println!("{}", shout(person("Cyd").name));
    let age = person("Dee").age;
    println!("{age}");
}
