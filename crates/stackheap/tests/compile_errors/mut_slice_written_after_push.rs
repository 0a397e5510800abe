// error[E0499] 5:5: cannot borrow `v` as mutable more than once at a time
fn main() {
    let mut v = vec![1, 2, 3];
    let s = &mut v[..];
    v.push(4);
    s[0] = 9;
}
