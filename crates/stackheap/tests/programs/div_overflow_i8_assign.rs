// `/=` on i8::MIN by -1 panics with "attempt to divide with overflow".
fn halve_until(mut x: i8, d: i8) -> i8 {
    let mut rounds = 0;
    while rounds < 3 {
        x /= d;
        println!("round {rounds}: {x}");
        rounds += 1;
    }
    x
}

fn main() {
    println!("{}", halve_until(-100, 2));
    println!("{}", halve_until(i8::MIN, -1));
}
