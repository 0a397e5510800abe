//! Benchmark program: sieve of Eratosthenes over a `Vec<bool>`; prints how many primes are
//! below 100,000 and the largest of them.
fn main() {
    let n: usize = 100000;
    let mut is_prime: Vec<bool> = vec![true; n];
    is_prime[0] = false;
    is_prime[1] = false;
    let mut count: u32 = 0;
    let mut last: usize = 0;
    for i in 2..n {
        if is_prime[i] {
            count += 1;
            last = i;
            if i * i < n {
                for m in i..(n - 1) / i + 1 {
                    is_prime[i * m] = false;
                }
            }
        }
    }
    println!("primes below {}: {}", n, count);
    println!("largest: {}", last);
}
