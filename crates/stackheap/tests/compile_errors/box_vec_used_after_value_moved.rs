// error[E0382] 6:20: borrow of moved value: `*b`
fn main() {
    let b = Box::new(vec![1, 2]);
    let v = *b;
    println!("{:?}", v);
    println!("{}", b.len());
}
