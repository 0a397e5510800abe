// error[E0502] 6:5: cannot borrow `s` as mutable because it is also borrowed as immutable
fn first_word(s: &str) -> &str { s }
fn main() {
    let mut s = String::from("hello world");
    let word = first_word(&s);
    s.push_str("!");
    println!("{}", word);
}
