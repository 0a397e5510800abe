// Negating i16::MIN panics with "attempt to negate with overflow".
fn negate(x: i16) -> i16 {
    -x
}

fn main() {
    println!("{}", negate(i16::MAX));
    println!("{}", negate(i16::MIN + 1));
    println!("{}", negate(0));
    println!("{}", negate(i16::MIN));
    println!("not reached");
}
