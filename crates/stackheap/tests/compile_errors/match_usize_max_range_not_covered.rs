// error[E0004] 4:11: non-exhaustive patterns: `usize::MAX..` not covered
fn main() {
    let u: usize = 3;
    match u {
        0 => println!("zero"),
        1..=usize::MAX => println!("more"),
    }
}
