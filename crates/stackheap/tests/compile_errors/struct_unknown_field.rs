// error[E0609] 8:22: no field `z` on type `Point`
struct Point {
    x: i32,
    y: i32,
}
fn main() {
    let p = Point { x: 1, y: 2 };
    println!("{}", p.z);
}
