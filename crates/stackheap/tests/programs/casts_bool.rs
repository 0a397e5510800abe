// bool casts to any integer type as 0 or 1.
fn main() {
    println!("{}", true as u8);
    println!("{}", false as i32);
    let t = 3 > 2;
    let f = 2 > 3;
    println!("{} {}", t as u64, f as u64);
    println!("{}", t as i8 - 2);
    let mut count: u32 = 0;
    for i in 0..10 {
        count += (i % 3 == 0) as u32;
    }
    println!("multiples of three below ten: {count}");
    println!("{}", (true as usize) + (true as usize));
}
