// error[E0499] 5:9: cannot borrow `v` as mutable more than once at a time
fn main() {
    let mut v = vec![1, 2, 3];
    for x in &mut v {
        v.push(*x);
    }
}
