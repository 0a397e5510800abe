// Adding past u64::MAX panics with "attempt to add with overflow".
fn add(a: u64, b: u64) -> u64 {
    a + b
}

fn main() {
    let x: u64 = u64::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
