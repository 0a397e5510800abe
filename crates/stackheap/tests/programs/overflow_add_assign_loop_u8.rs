// Summing u8 values with += overflows once the total passes 255.
fn main() {
    let v: Vec<u8> = vec![100, 50, 60, 40, 10];
    let mut total: u8 = 0;
    for i in 0..v.len() {
        total += v[i];
        println!("after {i}: {total}");
    }
    println!("not reached {total}");
}
