// error[E0505] 5:13: cannot move out of `s` because it is borrowed
fn main() {
    let s = String::from("hello");
    let r = s.as_str();
    let t = s;
    println!("{} {}", r, t);
}
