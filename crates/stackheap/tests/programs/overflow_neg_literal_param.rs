// Unary minus on a parameter nested inside a larger expression.
fn flip(x: i64, y: i64) -> i64 {
    y + -x
}

fn main() {
    println!("{}", flip(5, 10));
    println!("{}", flip(i64::MIN, -1));
}
