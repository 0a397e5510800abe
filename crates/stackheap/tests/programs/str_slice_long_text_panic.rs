// The panic message shows at most 256 bytes of the text, cut at a char boundary.
fn main() {
    let mut s = String::new();
    for _ in 0..200 {
        s.push('é');
    }
    let start = 301;
    println!("{}", s.len());
    println!("{}", &s[start..]);
}
