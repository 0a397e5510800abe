fn is_yes(answer: &str) -> bool {
    answer == "yes" || answer == "y"
}

fn main() {
    let s = String::from("abc");
    let t = String::from("abd");
    println!("{} {} {}", s == "abc", s == t, s != t);
    println!("{} {}", "x" == "x", "abc" == s);
    let y = String::from("y");
    println!("{} {} {}", is_yes("yes"), is_yes("no"), is_yes(&y));
    let c = 'q';
    println!("{} {} {}", c == 'q', c < 'z', c != 'a');
    let mut count = 0;
    let word = String::from("banana");
    let mut i = 0;
    while i < word.len() {
        i += 1;
        count += 1;
    }
    println!("{count}");
    let grade = 'B';
    let msg = match grade {
        'A' => "top",
        'B' | 'C' => "fine",
        _ => "other",
    };
    println!("{msg}");
}
