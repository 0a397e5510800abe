// A slice whose start is after its end panics with both indices.
fn main() {
    let s = "abcdef";
    let (a, b) = (4, 2);
    println!("{}", &s[b..a]);
    println!("{}", &s[a..=b]);
}
