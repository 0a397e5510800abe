// Adding past u32::MAX panics with "attempt to add with overflow".
fn add(a: u32, b: u32) -> u32 {
    a + b
}

fn main() {
    let x: u32 = u32::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
