fn main() {
    let mut s = String::new();
    println!("{} {}", s.len(), s.capacity());
    s.push('a');
    println!("{} {} {}", s, s.len(), s.capacity());
    s.push_str("bcd");
    println!("{} {} {}", s, s.len(), s.capacity());
    s.push_str("efghijk");
    println!("{} {} {}", s, s.len(), s.capacity());
    s.push('!');
    println!("{} {} {}", s, s.len(), s.capacity());
    let mut t = String::from("hi");
    println!("{} {}", t.len(), t.capacity());
    t.push(' ');
    println!("{} {}", t.len(), t.capacity());
    t.push_str("there");
    println!("{} {} {}", t, t.len(), t.capacity());
    let n = 4096.to_string();
    println!("{} {} {}", n, n.len(), n.capacity());
    let f = format!("{}-{}", s, t);
    println!("{} {}", f, f.len());
    let w = "x".to_string();
    println!("{w} {} {}", w.len(), w.capacity());
}
