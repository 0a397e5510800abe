// unsupported 2:12: an array or slice type is not supported yet
fn sum(v: &[i32]) -> i32 {
    v[0]
}
fn main() {
    let v = vec![1, 2];
    println!("{}", sum(&v));
}
