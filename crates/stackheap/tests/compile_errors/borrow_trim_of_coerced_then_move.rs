// error[E0505] 6:13: cannot move out of `s` because it is borrowed
fn main() {
    let s = String::from("hi there");
    let t: &str = &s;
    let w = t.trim();
    let u = s;
    println!("{} {}", w, u);
}
