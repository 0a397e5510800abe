// error[E0382] 9:17: use of moved value: `p.name`
struct Person {
    name: String,
}

fn main() {
    let p = Person { name: String::from("Ada") };
    for _ in 0..2 {
        let n = p.name;
        println!("{}", n);
    }
}
