// error[E0382] 5:13: use of moved value: `t.0`
fn main() {
    let t = (String::from("a"), String::from("b"));
    let a = t.0;
    let b = t.0;
    println!("{} {} {}", a, b, t.1);
}
