// `return` from inside while, for and loop bodies leaves the whole function.
fn smallest_divisor(n: u32) -> u32 {
    let mut d = 2;
    while d * d <= n {
        if n % d == 0 {
            return d;
        }
        d += 1;
    }
    n
}

fn first_square_above(limit: u64) -> u64 {
    for i in 0..1000 {
        if i * i > limit {
            return i;
        }
    }
    0
}

fn countdown_stop(start: i32, stop: i32) -> i32 {
    let mut x = start;
    loop {
        if x == stop {
            return x * 100;
        }
        x -= 1;
    }
}

fn check(flag: bool) {
    if flag {
        println!("early");
        return;
    }
    println!("late");
}

fn main() {
    println!("{}", smallest_divisor(91));
    println!("{}", smallest_divisor(97));
    println!("{}", first_square_above(50));
    println!("{}", countdown_stop(10, 4));
    check(true);
    check(false);
}
