// Shifting an i32 left by 32 or more panics with "attempt to shift left with overflow".
fn shl(x: i32, by: u32) -> i32 {
    x << by
}

fn main() {
    println!("{}", shl(1, 30));
    println!("{}", shl(1, 31));
    println!("{}", shl(3, 31));
    println!("{}", shl(1, 32));
    println!("not reached");
}
