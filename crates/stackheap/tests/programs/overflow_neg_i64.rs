// Negating i64::MIN panics with "attempt to negate with overflow".
fn negate(x: i64) -> i64 {
    -x
}

fn main() {
    println!("{}", negate(i64::MAX));
    println!("{}", negate(i64::MIN + 1));
    println!("{}", negate(0));
    println!("{}", negate(i64::MIN));
    println!("not reached");
}
