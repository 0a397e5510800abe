// error[E0499] 4:9: cannot borrow `*v` as mutable more than once at a time
fn grow(v: &mut Vec<i32>) {
    for x in v.iter_mut() {
        v.push(*x);
    }
}
fn main() {
    let mut v = vec![1];
    grow(&mut v);
}
