// Widening an unsigned value fills the new high bits with zeros.
fn main() {
    let a: u8 = 255;
    println!("{}", a as u32);
    println!("{}", a as i32);
    println!("{}", a as i16);
    let b: u32 = u32::MAX;
    println!("{}", b as u64);
    println!("{}", b as i64);
    let c: u16 = 65535;
    println!("{}", c as i64);
    println!("{}", c as usize);
    let d: u64 = u64::MAX;
    println!("{}", d as i64);
    println!("{}", d as usize);
    let e: usize = 3;
    println!("{}", e as u8);
}
