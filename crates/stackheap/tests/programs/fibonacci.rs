// Doubly recursive Fibonacci numbers, checked against an iterative loop.
fn fib(n: u32) -> u32 {
    if n < 2 {
        return n;
    }
    fib(n - 1) + fib(n - 2)
}

fn fib_loop(n: u32) -> u32 {
    let mut a = 0;
    let mut b = 1;
    let mut i = 0;
    while i < n {
        let next = a + b;
        a = b;
        b = next;
        i += 1;
    }
    a
}

fn main() {
    for n in 0..16 {
        println!("fib({n}) = {} {}", fib(n), fib_loop(n));
    }
    println!("fib_loop(45) = {}", fib_loop(45));
}
