// Calls' results as the left operand of an operator whose right operand calls again: the
// first result waits in its return slot (signed, bool and comparison forms).
fn neg(x: i8) -> i8 {
    -x
}

fn is_even(n: u64) -> bool {
    n % 2 == 0
}

fn twice(x: i64) -> i64 {
    x * 2
}

fn main() {
    let a = neg(5) - neg(-7);
    let b = neg(3) < neg(4);
    let c = is_even(4) && is_even(7);
    let d = twice(twice(3) + twice(-4)) * twice(5);
    println!("{} {} {} {}", a, b, c, d);
    let e = neg(100) - neg(-100);
    println!("{}", e);
}
