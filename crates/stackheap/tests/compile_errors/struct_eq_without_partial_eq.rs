// error[E0369] 8:22: binary operation `==` cannot be applied to type `P`
struct P {
    x: i32,
}
fn main() {
    let a = P { x: 1 };
    let b = P { x: 1 };
    println!("{}", a == b);
}
