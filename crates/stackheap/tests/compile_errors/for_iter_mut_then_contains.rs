// error[E0502] 5:12: cannot borrow `v` as immutable because it is also borrowed as mutable
fn main() {
    let mut v = vec![1, 2];
    for x in v.iter_mut() {
        if v.contains(&1) {
            *x += 1;
        }
    }
}
