// & | ^ and bitwise ! on unsigned and signed integers.
fn main() {
    let a: u8 = 0b1100_1100;
    let b: u8 = 0b1010_1010;
    println!("{} {} {}", a & b, a | b, a ^ b);
    println!("{}", !a);
    let c: i32 = 0;
    println!("{}", !c);
    let d: i32 = 12345;
    println!("{}", !d);
    let e: u32 = 0xDEAD_BEEF;
    println!("{:x}", e & 0xFFFF);
    println!("{:x}", e >> 16 | e << 16);
    let f: i16 = -1;
    println!("{}", f & 0x0F0F);
    println!("{}", (a ^ a) | 1);
    let g: u64 = !0;
    println!("{g}");
}
