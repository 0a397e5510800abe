// One field moves out of a Box's value while the others own memory: the rest of the value
// is dropped where the Box is (its fields in declaration order), then the Box's block.
struct Person {
    name: String,
    tags: Vec<u8>,
    age: u32,
}

fn person(name: &str, n: u8) -> Box<Person> {
    Box::new(Person {
        name: String::from(name),
        tags: vec![n; 3],
        age: 30,
    })
}

fn main() {
    let a = person("Ada", 1);
    let name = a.name;
    println!("{} {} {}", name, a.tags.len(), a.age);

    // Assigning the whole Box drops what is left of the old value, then frees its block.
    let mut b = person("Bob", 2);
    let tags = b.tags;
    b = person("Cy", 3);
    println!("{} {:?}", b.name, tags);

    // Assigning the value keeps the block and drops only the fields still owned.
    let mut c = person("Di", 4);
    let c_name = c.name;
    *c = Person {
        name: String::from("Eve"),
        tags: Vec::new(),
        age: 1,
    };
    println!("{} {}", c_name, c.name);

    // A moved field given a new value is owned by the Box again.
    let mut d = person("Fay", 5);
    let d_tags = d.tags;
    d.tags = vec![9];
    println!("{:?} {:?}", d_tags, d.tags);
}
