// error[E0004] 4:11: non-exhaustive patterns: `2_usize..` not covered
fn main() {
    let v = vec![1, 2, 3];
    match v.len() {
        0 => println!("empty"),
        1 => println!("one"),
    }
}
