// error[E0063] 7:13: missing field `y` in initializer of `Point`
struct Point {
    x: i32,
    y: i32,
}
fn main() {
    let p = Point { x: 1 };
    println!("{}", p.x);
}
