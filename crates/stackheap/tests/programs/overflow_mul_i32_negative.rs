// A multiplication that overflows below i32::MIN panics with the same message.
fn mul(a: i32, b: i32) -> i32 {
    a * b
}

fn main() {
    println!("{}", mul(-65536, 32768));
    println!("{}", mul(-65536, 32769));
}
