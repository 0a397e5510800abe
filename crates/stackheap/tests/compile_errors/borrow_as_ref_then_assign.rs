// error[E0506] 5:5: cannot assign to `opt` because it is borrowed
fn main() {
    let mut opt = Some(String::from("a"));
    let r = opt.as_ref();
    opt = None;
    println!("{:?}", r);
}
