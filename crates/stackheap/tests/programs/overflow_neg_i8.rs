// Negating i8::MIN panics with "attempt to negate with overflow".
fn negate(x: i8) -> i8 {
    -x
}

fn main() {
    println!("{}", negate(i8::MAX));
    println!("{}", negate(i8::MIN + 1));
    println!("{}", negate(0));
    println!("{}", negate(i8::MIN));
    println!("not reached");
}
