// error[E0716] 3:19: temporary value dropped while borrowed
fn main() {
    let r: &str = String::from("x").as_str();
    println!("{r}");
}
