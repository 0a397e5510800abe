// error[E0502] 5:5: cannot borrow `v` as mutable because it is also borrowed as immutable
fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v[1] = 5;
    println!("{first}");
}
