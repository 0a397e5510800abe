fn count_vowels(s: &str) -> u32 {
    let mut n = 0;
    for c in s.chars() {
        match c {
            'a' | 'e' | 'i' | 'o' | 'u' => n += 1,
            _ => {}
        }
    }
    n
}

fn main() {
    let s = String::from("héllo wörld");
    for c in s.chars() {
        print!("[{c}]");
    }
    println!();
    println!("{}", count_vowels("programming in rust"));
    let mut upper = String::new();
    for c in "abc".chars() {
        let u = (c as u8 - 32) as char;
        upper.push(u);
    }
    println!("{upper} {}", upper.len());
}
