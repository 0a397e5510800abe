// error[E0382] 5:20: borrow of moved value: `**b`
fn main() {
    let b = Box::new(Box::new(String::from("x")));
    let s = **b;
    println!("{}", b.len());
    println!("{s}");
}
