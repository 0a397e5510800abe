// error[E0502] 6:5: cannot borrow `v` as mutable because it is also borrowed as immutable
struct Excerpt<'a> { part: &'a str }
fn main() {
    let mut v = String::from("a");
    let e = Excerpt { part: &v };
    v.push_str("b");
    println!("{}", e.part);
}
