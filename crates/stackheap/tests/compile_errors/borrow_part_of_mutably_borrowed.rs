// error[E0502] 6:13: cannot borrow `p.b` as immutable because it is also borrowed as mutable
struct P { a: String, b: String }
fn main() {
    let mut p = P { a: String::from("a"), b: String::from("b") };
    let r = &mut p;
    let s = &p.b;
    r.a.push('x');
    println!("{}", s);
}
