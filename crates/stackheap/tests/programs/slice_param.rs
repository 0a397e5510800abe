fn sum(v: &[i32]) -> i32 {
    v[0]
}
fn main() {
    let v = vec![1, 2];
    println!("{}", sum(&v));
}
