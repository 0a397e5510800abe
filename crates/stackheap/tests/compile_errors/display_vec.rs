// error[E0277] 4:20: `Vec<i32>` doesn't implement `std::fmt::Display`
fn main() {
    let v = vec![1, 2, 3];
    println!("{}", v);
}
