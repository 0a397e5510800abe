// error[E0594] 8:5: cannot assign to `p.x`, as `p` is not declared as mutable
struct Point {
    x: i32,
    y: i32,
}
fn main() {
    let p = Point { x: 1, y: 2 };
    p.x = 5;
    println!("{} {}", p.x, p.y);
}
