// Byte literals: `b'a'` is a `u8` (with the escapes `\n`, `\x7f`, `\xff`, `\'`), `b"..."` a
// `&[u8; N]` to bytes in the read-only block of literals, coerced to `&[u8]`.
fn count(bytes: &[u8], b: u8) -> usize {
    let mut n = 0;
    for x in bytes {
        if *x == b {
            n += 1;
        }
    }
    n
}
fn main() {
    let a = b'a';
    let nl = b'\n';
    let hex = b'\x7f';
    let high = b'\xff';
    let q = b'\'';
    println!("{} {} {} {} {}", a, nl, hex, high, q);
    let s = b"hello\n\x00\xfe";
    println!("{:?} {}", s, s.len());
    println!("{}", s[1]);
    println!("{}", count(s, b'l'));
    let t: &[u8] = b"abc";
    println!("{:?}", t);
    match a {
        b'a'..=b'z' => println!("lower"),
        _ => println!("other"),
    }
    for c in b"xy" {
        print!("{} ", c);
    }
    println!();
    let word = "hi";
    let bytes = b"hi";
    println!("{}", word.len() == bytes.len());
    println!("{}", (b'A' + 2) as char);
}
