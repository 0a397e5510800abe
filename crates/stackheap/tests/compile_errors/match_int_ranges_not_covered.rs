// error[E0004] 4:11: non-exhaustive patterns: `i32::MIN..=-1_i32`, `4_i32..=9_i32` and `11_i32..=i32::MAX` not covered
fn main() {
    let n = 7;
    match n {
        0..=3 => println!("small"),
        10 => println!("ten"),
    }
}
