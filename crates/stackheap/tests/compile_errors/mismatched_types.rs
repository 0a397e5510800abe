// error[E0308] 4:17: mismatched types
fn main() {
    let x: u8 = 255;
    let y = x + 1u16;
    println!("{}", y);
}
