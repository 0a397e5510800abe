// error[E0277] 6:18: the trait bound `Point: Clone` is not satisfied
struct Point {
    x: i32,
}
fn main() {
    let v = vec![Point { x: 1 }; 3];
    println!("{}", v.len());
}
