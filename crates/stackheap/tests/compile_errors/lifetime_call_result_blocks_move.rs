// error[E0505] 7:13: cannot move out of `a` because it is borrowed
fn longest<'a>(x: &'a str, y: &'a str) -> &'a str { if x.len() > y.len() { x } else { y } }
fn make() -> String { String::from("xy") }
fn main() {
    let a = String::from("abc");
    let r = longest(&a, "zz");
    let b = a;
    println!("{} {}", r, b);
}
