// error[E0277] 7:5: the trait bound `P: Clone` is not satisfied
struct P {
    s: String,
}
#[derive(Clone)]
struct Q {
    p: P,
}
fn main() {
    let q = Q { p: P { s: String::from("a") } };
    println!("{}", q.p.s);
}
