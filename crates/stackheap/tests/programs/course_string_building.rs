// A program a memory course writes (see its name); it runs as rustc's build runs it.
fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
    }
    count
}

fn capitalize(word: &str) -> String {
    let mut out = String::new();
    let mut first = true;
    for c in word.chars() {
        if first {
            out.push(c.to_ascii_uppercase());
            first = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn is_palindrome(s: &str) -> bool {
    let bytes = s.as_bytes();
    let n = bytes.len();
    for i in 0..n / 2 {
        if bytes[i] != bytes[n - 1 - i] {
            return false;
        }
    }
    true
}

fn main() {
    println!("{}", count_words("  the quick  brown fox "));
    println!("{}", capitalize("hello"));
    println!("{} {}", is_palindrome("racecar"), is_palindrome("rust"));
    let mut s = String::with_capacity(4);
    for word in ["a", "bb", "ccc"] {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(word);
        println!("{} {}", s.len(), s.capacity());
    }
    let shout = s.to_uppercase();
    println!("{shout}");
    let mut rev = String::new();
    for c in s.chars().rev() {
        rev.push(c);
    }
    println!("{rev}");
}
