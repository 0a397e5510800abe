// error[E0502] 5:5: cannot borrow `*b` as mutable because it is also borrowed as immutable
fn main() {
    let mut b = Box::new(vec![1, 2]);
    let r = &b[0];
    b.push(3);
    println!("{}", r);
}
