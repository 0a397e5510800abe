// error[E0004] 4:11: non-exhaustive patterns: `(None, false)` and `(Some(false), _)` not covered
fn main() {
    let pair = (Some(true), 1 > 2);
    match pair {
        (Some(true), _) => println!("yes"),
        (None, true) => println!("none, but true"),
    }
}
