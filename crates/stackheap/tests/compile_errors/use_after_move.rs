// error[E0382] 5:22: borrow of moved value: `v`
fn main() {
    let v = vec![1, 2, 3];
    let w = v;
    println!("{:?}", v);
    println!("{:?}", w);
}
