// error[E0502] 6:5: cannot borrow `v` as mutable because it is also borrowed as immutable
fn main() {
    let mut v = vec![1, 2, 3];
    let r = &v;
    let r2 = r;
    v.push(4);
    println!("{:?}", r2);
}
