// error[E0004] 4:11: non-exhaustive patterns: `None` not covered
fn main() {
    let o = Some(3);
    match o {
        Some(n) => println!("{n}"),
    }
}
