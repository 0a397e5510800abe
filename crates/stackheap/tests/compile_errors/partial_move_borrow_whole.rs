// error[E0382] 14:11: borrow of partially moved value: `p`
struct Person {
    name: String,
    items: Vec<i32>,
}

fn count(p: &Person) -> usize {
    p.items.len()
}

fn main() {
    let p = Person { name: String::from("Ada"), items: vec![1] };
    let v = p.items;
    count(&p);
    println!("{:?} {}", v, p.name);
}
