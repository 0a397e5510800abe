// The `+` sign flag and `0` zero padding, including on negative numbers.
fn main() {
    println!("{:+}", 5);
    println!("{:+}", -5);
    println!("{:+}", 0);
    println!("{:05}", 42);
    println!("{:05}", -42);
    println!("{:+05}", 42);
    println!("{:+06}", -42);
    println!("{:03}", 12345);
    let x: i64 = i64::MIN;
    println!("{:+}", x);
    let u: u8 = 7;
    println!("{:+} {:03}", u, u);
    println!("{:<+5}|{:>+5}|", 3, 3);
}
