// Adding past i32::MAX panics with "attempt to add with overflow".
fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {
    let x: i32 = i32::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
