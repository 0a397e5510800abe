// error[E0599] 7:15: no method named `clone` found for struct `P` in the current scope
struct P {
    s: String,
}
fn main() {
    let p = P { s: String::from("a") };
    let q = p.clone();
    println!("{}", q.s);
}
