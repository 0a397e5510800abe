fn greet(name: &str) -> usize {
    println!("Hello, {}!", name);
    name.len()
}

fn main() {
    let lit = "hi there";
    println!("{} {:?} {}", lit, lit, lit.len());
    let mut s = String::new();
    println!("{} {}", s.len(), s.capacity());
    s.push_str("abc");
    println!("{} {} {}", s, s.len(), s.capacity());
    s.push('d');
    s.push_str(" and more text");
    println!("{:?} {} {}", s, s.len(), s.capacity());
    let t = String::from("héllo");
    println!("{} {}", t, t.len());
    let u = "world".to_string();
    let n = greet(&u);
    println!("{n}");
    greet("literal");
    let f = format!("{}-{}", 12, u);
    println!("{} {}", f, f.len());
    let g = format!("value: {}", 7);
    println!("{} {}", g, g.len());
    let c = 'x';
    println!("{} {:?} {}", c, c, c as u32);
    println!("[{:>8}] [{:<6}] [{:^7}]", "ab", "cd", "ef");
    println!("{:?}", "quote\" tab\t nl\n back\\");
    let e = String::new();
    println!("{} {:?}", e.is_empty(), e);
}
