// error[E0004] 4:11: non-exhaustive patterns: `None` and `Some(_)` not covered
fn main() {
    let o = Some(4);
    match o {
        Some(n) if n > 3 => println!("big"),
        None if o.is_none() => println!("none"),
    }
}
