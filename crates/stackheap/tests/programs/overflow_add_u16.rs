// Adding past u16::MAX panics with "attempt to add with overflow".
fn add(a: u16, b: u16) -> u16 {
    a + b
}

fn main() {
    let x: u16 = u16::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
