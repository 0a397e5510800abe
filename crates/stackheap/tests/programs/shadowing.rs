// A new `let` with the same name shadows the old binding, even with another type.
fn main() {
    let x = 5;
    let x = x + 1;
    {
        let x = x * 2;
        println!("inner x = {x}");
    }
    println!("outer x = {x}");
    let x: u8 = 200;
    let x = x as u32 * 2;
    println!("x = {x}");
    let flag = x > 300;
    let flag = !flag;
    println!("flag = {flag}");
    let mut y = 1;
    for i in 0..3 {
        let y2 = y;
        let y = y2 + i;
        println!("loop y = {y}");
    }
    y += 10;
    println!("y = {y}");
}
