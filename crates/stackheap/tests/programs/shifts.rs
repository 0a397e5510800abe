// Left and right shifts, including arithmetic right shift of negative numbers.
fn main() {
    let one: u32 = 1;
    println!("{}", one << 31);
    let b: u8 = 0b1111_0000;
    println!("{}", b << 2);
    println!("{}", b >> 4);
    let n: i32 = -16;
    println!("{}", n >> 2);
    println!("{}", n << 3);
    let m: i32 = -1;
    println!("{}", m >> 31);
    let small: i8 = -128;
    println!("{}", small >> 7);
    println!("{}", small >> 1);
    let odd: i32 = -7;
    println!("{} {}", odd >> 1, odd / 2);
    let big: u64 = 1 << 40;
    println!("{}", big);
    let mut x: i64 = 5;
    x <<= 10;
    println!("{x}");
    x >>= 3;
    println!("{x}");
    let u: u16 = 0xFFFF;
    println!("{}", u >> 15);
    let s: i16 = i16::MIN;
    println!("{}", s >> 15);
    let amount: u8 = 3;
    let k: u64 = 1;
    println!("{}", k << amount);
}
