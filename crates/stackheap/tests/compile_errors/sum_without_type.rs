// error[E0283] 4:9: type annotations needed
fn main() {
    let v = vec![1, 2, 3];
    let total = v.iter().sum();
    println!("{}", total);
}
