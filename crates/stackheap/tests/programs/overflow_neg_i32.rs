// Negating i32::MIN panics with "attempt to negate with overflow".
fn negate(x: i32) -> i32 {
    -x
}

fn main() {
    println!("{}", negate(i32::MAX));
    println!("{}", negate(i32::MIN + 1));
    println!("{}", negate(0));
    println!("{}", negate(i32::MIN));
    println!("not reached");
}
