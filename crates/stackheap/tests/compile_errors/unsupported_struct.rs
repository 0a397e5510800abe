// unsupported 2:1: an item of kind `struct` is not supported yet
struct Point {
    x: i32,
}
fn main() {
    println!("hi");
}
