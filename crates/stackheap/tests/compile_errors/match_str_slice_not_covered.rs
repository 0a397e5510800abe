// error[E0004] 4:11: non-exhaustive patterns: `&_` not covered
fn main() {
    let s = String::from("abc");
    match &s[1..] {
        "bc" => println!("bc"),
    }
}
