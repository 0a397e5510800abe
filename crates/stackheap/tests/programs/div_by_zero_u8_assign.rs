// `/=` by a zero that arrives through a parameter panics at the compound assignment.
fn shrink(mut x: u8, by: u8) -> u8 {
    x /= by;
    x
}

fn main() {
    println!("{}", shrink(200, 7));
    println!("{}", shrink(200, 0));
}
