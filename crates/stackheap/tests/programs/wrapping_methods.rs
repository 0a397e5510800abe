// wrapping_add, wrapping_sub and wrapping_mul wrap around instead of panicking.
fn main() {
    let a: u8 = 250;
    println!("{}", a.wrapping_add(10));
    println!("{}", a.wrapping_mul(2));
    let z: u8 = 0;
    println!("{}", z.wrapping_sub(1));
    let m: i32 = i32::MAX;
    println!("{}", m.wrapping_add(1));
    let n: i32 = i32::MIN;
    println!("{}", n.wrapping_sub(1));
    println!("{}", n.wrapping_mul(-1));
    let big: u64 = u64::MAX;
    println!("{}", big.wrapping_add(2));
    let s: i8 = 100;
    println!("{}", s.wrapping_mul(3));
    let mut h: u32 = 2166136261;
    let mut i: u32 = 0;
    while i < 5 {
        h = h.wrapping_mul(16777619);
        h = h.wrapping_add(i);
        println!("{h}");
        i += 1;
    }
    let u: usize = 0;
    println!("{}", u.wrapping_sub(1));
}
