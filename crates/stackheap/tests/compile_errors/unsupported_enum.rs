// unsupported 2:1: an item of kind `enum` is not supported yet
enum Shape {
    Circle,
}
fn main() {
    println!("hi");
}
