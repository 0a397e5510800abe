// Signed division and remainder truncate toward zero; the remainder takes the dividend's sign.
fn show(a: i32, b: i32) {
    println!("{a} / {b} = {}, {a} % {b} = {}", a / b, a % b);
}

fn main() {
    show(7, 2);
    show(-7, 2);
    show(7, -2);
    show(-7, -2);
    show(1, 3);
    show(-1, 3);
    show(i32::MIN, 2);
    show(i32::MIN, i32::MAX);
    let a: i8 = -128;
    let b: i8 = 3;
    println!("{} {}", a / b, a % b);
    let c: i64 = -1_000_000_000_007;
    let d: i64 = 1000;
    println!("{} {}", c / d, c % d);
    let e: u32 = 17;
    let f: u32 = 5;
    println!("{} {}", e / f, e % f);
}
