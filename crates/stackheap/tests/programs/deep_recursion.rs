// Recursion 500 calls deep returns normally.
fn sum_to(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        n + sum_to(n - 1)
    }
}

fn depth(n: u32, limit: u32) -> u32 {
    if n == limit {
        return n;
    }
    let d = depth(n + 1, limit);
    if n % 100 == 0 {
        println!("unwinding through {n}");
    }
    d
}

fn main() {
    println!("{}", sum_to(500));
    println!("{}", depth(0, 500));
}
