// error[E0505] 5:10: cannot move out of `s` because it is borrowed
fn main() {
    let s = String::from("hi");
    let b = s.as_bytes();
    drop(s);
    println!("{:?}", b);
}
