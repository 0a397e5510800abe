// Hex, octal and binary literals, underscores and type suffixes.
fn main() {
    println!("{}", 0xff);
    println!("{}", 0o777);
    println!("{}", 0b1010_1010);
    println!("{}", 1_000_000);
    println!("{}", 5u8);
    println!("{}", 10_i64 * 3);
    println!("{}", 0xFFFF_FFFFu32);
    println!("{}", 0x7FFF_FFFF_FFFF_FFFFi64);
    println!("{}", 255u8 as i8);
    println!("{}", -0x80i16);
    let x = 1_0_0usize;
    println!("{}", x);
    let y: u64 = 0b1 << 63;
    println!("{}", y);
    println!("{}", 0o10 + 0x10 + 0b10 + 10);
}
