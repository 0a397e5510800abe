// error 3:17: literal out of range for `u8`
fn main() {
    let x: u8 = 256;
    println!("{}", x);
}
