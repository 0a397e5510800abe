// error[E0499] 5:13: cannot borrow `s` as mutable more than once at a time
fn main() {
    let mut s = String::from("a");
    let a = &mut s;
    let b = &mut s;
    a.push('x');
    b.push('y');
}
