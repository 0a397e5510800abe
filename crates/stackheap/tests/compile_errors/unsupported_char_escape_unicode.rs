// unsupported 3:17: the method `escape_unicode` on `char` is not supported yet
fn main() {
    let e = 'a'.escape_unicode();
    println!("{e}");
}
