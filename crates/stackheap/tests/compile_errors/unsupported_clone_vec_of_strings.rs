// unsupported 5:19: `.clone()` of a `Vec` whose elements own heap memory is not supported yet
// (a shallow copy would print wrong data, so it is refused until it is deep)
fn main() {
    let a = vec![String::from("ann")];
    let mut b = a.clone();
    b[0].push_str("ie");
    println!("{:?} {:?}", a, b);
}
