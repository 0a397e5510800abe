// Adding past i64::MAX panics with "attempt to add with overflow".
fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn main() {
    let x: i64 = i64::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
