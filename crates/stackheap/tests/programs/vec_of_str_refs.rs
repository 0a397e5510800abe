fn longest(words: &[&str]) -> usize {
    let mut best = words[0];
    for w in words {
        if w.len() > best.len() {
            best = *w;
        }
    }
    best.len()
}

fn main() {
    let mut words: Vec<&str> = Vec::new();
    words.push("pear");
    words.push("banana");
    words.push("fig");
    println!("{:?} {}", words, longest(&words));
    println!("{}", std::mem::size_of::<Vec<&str>>());
}
