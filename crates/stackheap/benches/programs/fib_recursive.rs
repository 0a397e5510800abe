//! Benchmark program: naive recursive Fibonacci of 23 (92,735 calls), exercising calls,
//! return slots and stack frames.
fn fib(n: u32) -> u32 {
    if n < 2 {
        return n;
    }
    fib(n - 1) + fib(n - 2)
}

fn main() {
    let n: u32 = 23;
    let r: u32 = fib(n);
    println!("fib({}) = {}", n, r);
}
