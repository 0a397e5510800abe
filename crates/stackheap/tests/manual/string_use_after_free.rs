// stackheap: mode=manual
// Printing a String after its block was freed and reused by another String.
fn main() {
    let s = String::from("hello");
    dealloc(s);
    let t = String::from("world");
    println!("{} {}", s, t);
}
