// unsupported 5:17: a `ref` name in `let` bound to a place behind a reference (`let ref t = *r;`) is not supported yet
fn main() {
    let mut s = String::from("abc");
    let r = &mut s;
    let ref t = *r;
    println!("{t}");
}
