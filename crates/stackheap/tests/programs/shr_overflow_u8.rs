// Shifting a u8 right by 8 panics with "attempt to shift right with overflow".
fn main() {
    let x: u8 = 200;
    let mut by: u32 = 5;
    loop {
        println!("{x} >> {by} = {}", x >> by);
        by += 1;
    }
}
