// Slicing Strings and `&str`s (a `&str` into the same block), comparisons in every
// combination the standard library accepts, `as_str`, `as_bytes`, `chars().count()`,
// `chars().rev()`, `bytes()`, `starts_with`, `ends_with`, `contains`, `trim`,
// `to_uppercase`/`to_lowercase` of ASCII text (with their capacities), `pop` and `clear`.
fn initials(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c >= 'A' && c <= 'Z' {
            out.push(c);
        }
    }
    out
}

fn main() {
    let s = String::from("Hello, World");
    let hello = &s[0..5];
    let world = &s[7..];
    let hel = &s[..3];
    println!("{hello} {world} {hel} {}", &s[2..=4]);
    let lit = "naïve café";
    println!("{} {} {}", &lit[0..2], &lit[2..4], lit.len());
    println!("{}", lit.chars().count());
    for c in lit.chars().rev() {
        print!("{c}");
    }
    println!();
    for b in "AZ".bytes() {
        print!("{b} ");
    }
    println!();
    let bytes = s.as_bytes();
    println!("{} {} {:?}", bytes.len(), bytes[0], &bytes[..3]);
    println!("{}", s.as_str() == "Hello, World");
    let t = String::from("Hello, World");
    let r: &str = "Hello, World";
    let rs = &t;
    println!("{} {} {} {} {} {}", s == t, s == r, r == s, r == "x", s != "y", &s == r);
    println!("{} {} {}", rs == &s, r == rs, &r == &rs);
    println!("{} {} {}", s.starts_with("Hell"), s.ends_with("ld"), s.contains("o, W"));
    println!("{} {} {}", s.starts_with('H'), lit.contains('é'), s.contains("xyz"));
    let padded = "   trimmed \t\n";
    println!("[{}]", padded.trim());
    let up = s.to_uppercase();
    let low = s.to_lowercase();
    println!("{up} {} {} {low}", up.len(), up.capacity());
    let big = String::from("Mixed Case 42!").to_lowercase();
    println!("{big} {} {}", big.len(), big.capacity());
    let mut m = String::from("abc");
    println!("{:?} {:?} {}", m.pop(), m, m.capacity());
    m.clear();
    println!("{:?} {:?} {} {}", m.pop(), m, m.len(), m.is_empty());
    let o = m.to_string();
    println!("{:?} {}", o, initials("Grace Brewster Hopper"));
}
