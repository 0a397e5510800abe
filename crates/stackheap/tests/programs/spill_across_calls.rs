// Values computed before a call are kept on the stack while the call runs.
fn sq(x: i64) -> i64 {
    x * x
}
fn main() {
    let a = 3;
    let b = (a + 1) * sq(a) - sq(2);
    println!("{} {} {}", sq(a) + 1, b, sq(b));
    let mut n = 0;
    while sq(n) < 50 && n + sq(1) < 100 {
        n += 1;
    }
    println!("{}", n);
}
