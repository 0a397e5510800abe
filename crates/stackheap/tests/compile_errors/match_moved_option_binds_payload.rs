// error[E0382] 5:17: use of moved value
fn main() {
    let v = Some(String::from("a"));
    let w = v;
    if let Some(s) = v {
        println!("{s}");
    }
    println!("{:?}", w);
}
