// error 2:17: literal out of range for `u8`
const BIG: u8 = 300;
fn main() {
    println!("{}", BIG);
}
