// Hex, upper hex, binary and octal, with and without `#` and zero padding.
fn main() {
    let a: u32 = 255;
    println!("{:x} {:X} {:b} {:o}", a, a, a, a);
    println!("{:#x} {:#X} {:#b} {:#o}", a, a, a, a);
    let b: u8 = 5;
    println!("{:08b}", b);
    println!("{:#010b}", b);
    println!("{:04x}", 0xABu16);
    println!("{:#06x}", 0xABu16);
    let neg: i8 = -1;
    println!("{:x} {:b}", neg, neg);
    let neg32: i32 = -2;
    println!("{:x} {:X} {:o}", neg32, neg32, neg32);
    let big: u64 = u64::MAX;
    println!("{:x}", big);
    println!("{:#x}", 0);
    println!("[{:>8x}] [{:<#8x}] [{:^8b}]", a, a, b);
    let v = 3054;
    println!("{v:x} {v:#o} {v:b}");
}
