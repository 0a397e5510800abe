// `char` methods as the standard library computes them, for ASCII and other text: the
// UTF-8 length, Unicode and ASCII classes, digits in a radix, ASCII case.
fn classify(c: char) -> String {
    let mut s = String::new();
    s.push(if c.is_alphabetic() { 'a' } else { '-' });
    s.push(if c.is_numeric() { 'n' } else { '-' });
    s.push(if c.is_alphanumeric() { 'm' } else { '-' });
    s.push(if c.is_whitespace() { 'w' } else { '-' });
    s.push(if c.is_uppercase() { 'U' } else { '-' });
    s.push(if c.is_lowercase() { 'l' } else { '-' });
    s.push(if c.is_control() { 'c' } else { '-' });
    s.push(if c.is_ascii() { 'A' } else { '-' });
    s.push(if c.is_ascii_punctuation() { 'p' } else { '-' });
    s.push(if c.is_ascii_graphic() { 'g' } else { '-' });
    s.push(if c.is_ascii_hexdigit() { 'x' } else { '-' });
    s
}

fn count_letters(text: &str) -> (usize, usize, usize) {
    let (mut letters, mut digits, mut bytes) = (0, 0, 0);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if c.is_ascii_digit() {
            digits += 1;
        }
        bytes += c.len_utf8();
    }
    (letters, digits, bytes)
}

fn main() {
    for c in ['a', 'Z', '7', ' ', '\n', '!', 'é', 'Ω', 'ß', '中', '٣', 'Ⅻ', '\u{a0}', '🦀'] {
        println!("{:?} {} {}", c, c.len_utf8(), classify(c));
    }
    println!("{:?}", count_letters("héllo wörld 42"));
    println!("{:?} {:?} {:?}", '7'.to_digit(10), 'f'.to_digit(16), 'z'.to_digit(36));
    println!("{:?} {:?}", 'g'.to_digit(16), '٣'.to_digit(10));
    println!("{} {}", 'b'.is_digit(16), 'b'.is_digit(10));
    let word = vec!['r', 'u', 's', 't', 'é'];
    let mut upper = String::new();
    for c in word.iter() {
        upper.push(c.to_ascii_uppercase());
    }
    println!("{upper} {}", 'Q'.to_ascii_lowercase());
    let total: u32 = {
        let mut t = 0;
        for c in "1a2b3".chars() {
            if let Some(d) = c.to_digit(10) {
                t += d;
            }
        }
        t
    };
    println!("{total}");
    println!(
        "{} {} {} {}",
        'A'.is_ascii_uppercase(),
        'a'.is_ascii_lowercase(),
        'x'.is_ascii_alphabetic(),
        '_'.is_ascii_alphanumeric()
    );
    println!("{} {}", '\t'.is_ascii_whitespace(), '\u{7f}'.is_ascii_control());
}
