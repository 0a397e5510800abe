// A string slice past the end panics as `str` does, naming the text.
fn main() {
    let s = String::from("hello");
    let n = s.len() + 2;
    println!("{}", &s[1..3]);
    let tail = &s[2..n];
    println!("{tail}");
}
