// error[E0596] 4:17: cannot borrow `o.0` as mutable, as `o` is not declared as mutable
fn main() {
    let o = Some(String::from("abc"));
    if let Some(ref mut s) = o {
        s.push('x');
    }
}
