// unsupported 4:13: a reference (`&`) is not supported yet
fn main() {
    let v = vec![1];
    let r = &v;
    println!("{}", v.len());
}
