// error[E0004] 5:11: non-exhaustive patterns: `201_u8..=u8::MAX` not covered
const TOP: u8 = 200;
fn main() {
    let u: u8 = 3;
    match u {
        0..=TOP => println!("low"),
    }
}
