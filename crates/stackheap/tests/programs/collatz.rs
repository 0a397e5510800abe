// Collatz sequences: every step of 27, then the step counts of 1 to 30.
fn steps(mut n: u64) -> u32 {
    let mut count = 0;
    while n != 1 {
        if n % 2 == 0 {
            n /= 2;
        } else {
            n = 3 * n + 1;
        }
        count += 1;
    }
    count
}

fn main() {
    let mut n: u64 = 27;
    let mut max = n;
    while n != 1 {
        print!("{n} ");
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        max = max.max(n);
    }
    println!("{n}");
    println!("max {max}");
    for start in 1..=30 {
        println!("{:>2}: {:>3} steps", start, steps(start));
    }
}
