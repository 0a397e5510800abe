// Adding past isize::MAX panics with "attempt to add with overflow".
fn add(a: isize, b: isize) -> isize {
    a + b
}

fn main() {
    let x: isize = isize::MAX - 1;
    println!("{}", add(x, 1));
    println!("{}", add(x, 2));
    println!("not reached");
}
