// error[E0502] 5:9: cannot borrow `v` as mutable because it is also borrowed as immutable
fn main() {
    let mut v = vec![1, 2, 3];
    for x in v.iter() {
        v[0] = *x;
    }
}
