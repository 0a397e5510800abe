// The panic points at the innermost operation that overflows, not the whole expression.
fn f(a: i16, b: i16) -> i16 {
    let c = 1 + (a * b) - 2;
    c
}

fn main() {
    println!("{}", f(100, 100));
    println!("{}", f(200, 200));
}
