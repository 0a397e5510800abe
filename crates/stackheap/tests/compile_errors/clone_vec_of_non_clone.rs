// error[E0599] 7:15: the method `clone` exists for struct `Vec<P>`, but its trait bounds were not satisfied
struct P {
    s: String,
}
fn main() {
    let v = vec![P { s: String::from("a") }];
    let w = v.clone();
    println!("{}", w.len());
}
