// error[E0277] 7:22: `Point` doesn't implement `Debug`
struct Point {
    x: i32,
}
fn main() {
    let p = Point { x: 1 };
    println!("{:?}", p);
}
