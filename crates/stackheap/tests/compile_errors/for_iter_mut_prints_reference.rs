// error[E0502] 6:26: cannot borrow `r` as immutable because it is also borrowed as mutable
fn main() {
    let mut v = vec![1, 2, 3];
    let r = &mut v;
    for x in r.iter_mut() {
        println!("{:?}", r);
        *x += 1;
    }
}
