// unsupported 5:13: moving part of a Box's value out while other parts of it own memory (or out of a Box that is not a variable) is not supported yet
struct P { name: String, tag: String }
fn main() {
    let b = Box::new(P { name: String::from("a"), tag: String::from("b") });
    let n = b.name;
    println!("{} {}", n, b.tag);
}
