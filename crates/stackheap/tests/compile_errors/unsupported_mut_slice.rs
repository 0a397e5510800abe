// unsupported 2:17: a slice type other than `&[T]` is not supported yet
fn zero(v: &mut [i32]) {
    v[0] = 0;
}
fn main() {
    let mut v = vec![1, 2];
    zero(&mut v);
    println!("{:?}", v);
}
