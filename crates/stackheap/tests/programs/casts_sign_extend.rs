// Widening a negative signed value copies its sign bit into the new high bits.
fn main() {
    println!("{}", -1i8 as u32);
    println!("{}", -1i32 as u64);
    println!("{}", -2i16 as usize);
    println!("{}", -1i8 as i64);
    let x: i8 = -100;
    println!("{}", x as i32);
    println!("{}", x as u16);
    let y: u8 = 200;
    println!("{}", y as i8 as i32);
    let z: i32 = i32::MIN;
    println!("{}", z as i64);
    println!("{}", z as u64);
    println!("{}", z as isize);
}
