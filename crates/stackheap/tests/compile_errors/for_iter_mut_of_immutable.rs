// error[E0596] 4:14: cannot borrow `v` as mutable, as it is not declared as mutable
fn main() {
    let v = vec![1, 2, 3];
    for x in v.iter_mut() {
        *x += 1;
    }
}
