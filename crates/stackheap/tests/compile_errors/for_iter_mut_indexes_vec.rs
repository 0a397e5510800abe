// error[E0502] 5:17: cannot borrow `v` as immutable because it is also borrowed as mutable
fn main() {
    let mut v = vec![1, 2, 3];
    for x in v.iter_mut() {
        let y = v[0];
        *x += y;
    }
}
