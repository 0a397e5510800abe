// error[E0277] 4:27: a value of type `i64` cannot be made by summing an iterator over elements of type `&i32`
fn main() {
    let v: Vec<i32> = vec![1, 2];
    let t: i64 = v.iter().sum();
    println!("{t}");
}
