// error[E0004] 4:11: non-exhaustive patterns: `Some(&0_u8..=96_u8)` and `Some(&123_u8..=u8::MAX)` not covered
fn main() {
    let s = String::from("abc");
    match s.as_bytes().first() {
        Some(b'a'..=b'z') => println!("lower"),
        None => {}
    }
}
