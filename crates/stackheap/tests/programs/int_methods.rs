// abs, pow, min and max on values whose type is written down.
fn main() {
    let a: i32 = -17;
    println!("{}", a.abs());
    let b: i64 = -9_000_000_000;
    println!("{}", b.abs());
    let two: u64 = 2;
    println!("{}", two.pow(40));
    let three: i32 = -3;
    println!("{}", three.pow(3));
    println!("{}", three.pow(0));
    let x: u8 = 7;
    let y: u8 = 9;
    println!("{} {}", x.min(y), x.max(y));
    let p: i16 = -5;
    println!("{} {}", p.min(-6), p.max(-6));
    let q: i8 = i8::MIN + 1;
    println!("{}", q.abs());
    let base: u32 = 10;
    println!("{}", base.pow(9));
}
