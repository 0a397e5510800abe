// Adding past usize::MAX panics with "attempt to add with overflow".
fn add(a: usize, b: usize) -> usize {
    a + b
}

fn main() {
    let x: usize = usize::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
