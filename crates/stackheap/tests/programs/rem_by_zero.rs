// A remainder by zero panics with "attempt to calculate the remainder with a divisor of zero".
fn main() {
    let mut d: i64 = 3;
    while d >= 0 {
        let r = 100 % d;
        println!("100 % {d} = {r}");
        d -= 1;
    }
}
