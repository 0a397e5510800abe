// Every compound assignment operator.
fn main() {
    let mut x: i32 = 100;
    x += 5;
    println!("{x}");
    x -= 15;
    println!("{x}");
    x *= 3;
    println!("{x}");
    x /= 7;
    println!("{x}");
    x %= 10;
    println!("{x}");
    let mut b: u8 = 0b1100_1010;
    b &= 0b1111_0000;
    println!("{b}");
    b |= 0b0000_0101;
    println!("{b}");
    b ^= 0xFF;
    println!("{b}");
    b <<= 1;
    println!("{b}");
    b >>= 3;
    println!("{b}");
    let mut n: i64 = -50;
    n /= 4;
    println!("{n}");
    n %= 5;
    println!("{n}");
}
