// error[E0382] 5:11: use of moved value: `v`
fn main() {
    let v = Some(String::from("a"));
    let w = v;
    match v {
        Some(_) => println!("some"),
        None => println!("none"),
    }
    println!("{:?}", w);
}
