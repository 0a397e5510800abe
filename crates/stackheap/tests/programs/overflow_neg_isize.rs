// Negating isize::MIN panics with "attempt to negate with overflow".
fn negate(x: isize) -> isize {
    -x
}

fn main() {
    println!("{}", negate(isize::MAX));
    println!("{}", negate(isize::MIN + 1));
    println!("{}", negate(0));
    println!("{}", negate(isize::MIN));
    println!("not reached");
}
