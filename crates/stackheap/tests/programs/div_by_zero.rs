// Dividing by zero panics with "attempt to divide by zero".
fn average(total: u32, count: u32) -> u32 {
    total / count
}

fn main() {
    println!("{}", average(10, 3));
    println!("{}", average(0, 5));
    println!("{}", average(10, 0));
    println!("not reached");
}
