// error[E0382] 5:20: borrow of moved value: `c`
fn main() {
    let c = Box::new(String::from("a"));
    let s = *c;
    println!("{}", c);
    println!("{}", s);
}
