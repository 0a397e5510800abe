// error[E0594] 3:5: cannot assign to `v[_]`, which is behind a `&` reference
fn zero(v: &[i32]) {
    v[0] = 0;
}
fn main() {
    let v = vec![1, 2];
    zero(&v);
    println!("{:?}", v);
}
