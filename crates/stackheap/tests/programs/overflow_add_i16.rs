// Adding past i16::MAX panics with "attempt to add with overflow".
fn add(a: i16, b: i16) -> i16 {
    a + b
}

fn main() {
    let x: i16 = i16::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
