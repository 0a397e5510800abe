// error[E0277] 4:22: can't compare `String` with `&String`
fn main() {
    let s = String::from("x");
    println!("{}", s == &s);
}
