// Slicing inside a multi-byte char panics with the char and the bytes it covers.
fn first_bytes(s: &str, n: usize) -> &str {
    &s[..n]
}

fn main() {
    let word = "aé日b";
    println!("{}", first_bytes(word, 3));
    println!("{}", first_bytes(word, 4));
}
