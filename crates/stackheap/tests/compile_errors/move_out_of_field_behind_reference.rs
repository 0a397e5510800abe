// error[E0507] 6:13: cannot move out of `r.name` which is behind a shared reference
struct P { name: String }
fn main() {
    let p = P { name: String::from("a") };
    let r = &p;
    let n = r.name;
}
