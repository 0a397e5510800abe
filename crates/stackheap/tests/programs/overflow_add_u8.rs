// Adding past u8::MAX panics with "attempt to add with overflow".
fn add(a: u8, b: u8) -> u8 {
    a + b
}

fn main() {
    let x: u8 = u8::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
