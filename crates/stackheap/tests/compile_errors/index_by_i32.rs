// error[E0277] 5:22: the type `[{integer}]` cannot be indexed by `i32`
fn main() {
    let v = vec![1, 2, 3];
    let i: i32 = 1;
    println!("{}", v[i]);
}
