// error[E0596] 7:10: cannot borrow `v` as mutable, as it is not declared as mutable
fn zero(v: &mut [i32]) {
    v[0] = 0;
}
fn main() {
    let v = vec![1, 2];
    zero(&mut v);
    println!("{:?}", v);
}
