// `as` between integer types keeps only the low bits when the target is narrower.
fn main() {
    let a: i32 = 300;
    println!("{}", a as u8);
    println!("{}", a as i8);
    let b: u16 = 65535;
    println!("{}", b as i8);
    println!("{}", b as u8);
    let c: i64 = -1;
    println!("{}", c as u8);
    println!("{}", c as u16);
    println!("{}", c as u32);
    let d: u64 = 0x1234_5678_9ABC_DEF0;
    println!("{}", d as u32);
    println!("{}", d as u16);
    println!("{}", d as i8);
    let e: i32 = 128;
    println!("{}", e as i8);
    let f: u8 = 200;
    println!("{}", f as i8);
    let g: i64 = 4294967296 + 7;
    println!("{}", g as i32);
    let h: usize = 1 << 40;
    println!("{}", h as u32);
    println!("{}", 1000i32 as u8);
}
