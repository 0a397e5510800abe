// error[E0004] 5:11: non-exhaustive patterns: `(true, false)` and `(false, true)` not covered
fn main() {
    let a = 1 > 2;
    let b = 2 > 1;
    match (a, b) {
        (true, true) => println!("both"),
        (false, false) => println!("neither"),
    }
}
