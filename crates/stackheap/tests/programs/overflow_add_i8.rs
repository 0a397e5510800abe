// Adding past i8::MAX panics with "attempt to add with overflow".
fn add(a: i8, b: i8) -> i8 {
    a + b
}

fn main() {
    let x: i8 = i8::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
