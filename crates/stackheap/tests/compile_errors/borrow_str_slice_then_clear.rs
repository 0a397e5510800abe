// error[E0502] 5:5: cannot borrow `s` as mutable because it is also borrowed as immutable
fn main() {
    let mut s = String::from("hello");
    let r = &s[1..];
    s.clear();
    println!("{}", r);
}
