// unsupported 6:1: an `impl` of a trait or a generic `impl` is not supported yet
// errors 1
struct Point {
    x: i32,
}
impl std::fmt::Display for Point {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "({})", self.x)
    }
}
fn main() {
    println!("{}", Point { x: 1 });
}
