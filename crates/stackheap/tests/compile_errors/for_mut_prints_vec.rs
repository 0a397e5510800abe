// error[E0502] 5:26: cannot borrow `v` as immutable because it is also borrowed as mutable
fn main() {
    let mut v = vec![1, 2, 3];
    for x in &mut v {
        println!("{:?}", v);
        *x += 1;
    }
}
