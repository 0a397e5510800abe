// error[E0507] 5:13: cannot move out of `*r` which is behind a shared reference
fn main() {
    let s = String::from("a");
    let r = &s;
    let t = *r;
}
