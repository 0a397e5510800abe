// error[E0502] 5:24: cannot borrow `v` as immutable because it is also borrowed as mutable
fn main() {
    let mut v = vec![1, 2, 3];
    for x in v.iter_mut() {
        println!("{}", v.len());
        *x += 1;
    }
}
