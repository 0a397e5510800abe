#[derive(Debug)]
struct Pet {
    name: String,
    age: u8,
}

fn main() {
    let b = Box::new(String::from("boxed"));
    println!("{} {:?}", b, b);
    let p = Box::new(Pet { name: String::from("Rex"), age: 3 });
    println!("{:?} {}", p, (*p).age);
    let v = Box::new(vec![1, 2, 3]);
    println!("{:?}", v);
    let list = vec![Box::new(1), Box::new(2)];
    println!("{:?}", list);
    let o: Option<Box<Pet>> = Some(Box::new(Pet { name: String::from("Tom"), age: 1 }));
    if let Some(pet) = o {
        println!("{}", (*pet).name);
    }
}
