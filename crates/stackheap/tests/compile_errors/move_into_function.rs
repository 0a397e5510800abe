// error[E0382] 8:20: borrow of moved value: `years`
fn consume(v: Vec<i32>) -> usize {
    v.len()
}
fn main() {
    let years = vec![1995, 2000];
    let n = consume(years);
    println!("{}", years.len() + n);
}
