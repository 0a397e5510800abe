// Sieve of Eratosthenes over a Vec<bool>, printing every prime below 200.
fn sieve(n: usize) -> Vec<bool> {
    let mut is_prime = vec![true; n];
    is_prime[0] = false;
    is_prime[1] = false;
    let mut i = 2;
    while i * i < n {
        if is_prime[i] {
            let mut j = i * i;
            while j < n {
                is_prime[j] = false;
                j += i;
            }
        }
        i += 1;
    }
    is_prime
}

fn main() {
    let n = 200;
    let primes = sieve(n);
    let mut count = 0;
    for k in 0..n {
        if primes[k] {
            count += 1;
            println!("prime #{count}: {k}");
        }
    }
    println!("{count} primes below {n}");
}
