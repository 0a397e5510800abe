// error[E0004] 4:11: non-exhaustive patterns: `false` not covered
fn main() {
    let b = 1 > 2;
    match b {
        true => println!("yes"),
    }
}
