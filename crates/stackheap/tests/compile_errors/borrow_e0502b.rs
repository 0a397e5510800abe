// error[E0502] 5:20: cannot borrow `v` as immutable because it is also borrowed as mutable
fn main() {
    let mut v = vec![1, 2, 3];
    let m = &mut v;
    println!("{}", v.len());
    m.push(1);
}
