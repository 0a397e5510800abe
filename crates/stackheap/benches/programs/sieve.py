# Benchmark program: the CPython twin of sieve.rs (same sieve, same output).
def main():
    n = 100000
    is_prime = [True] * n
    is_prime[0] = False
    is_prime[1] = False
    count = 0
    last = 0
    for i in range(2, n):
        if is_prime[i]:
            count += 1
            last = i
            if i * i < n:
                for m in range(i, (n - 1) // i + 1):
                    is_prime[i * m] = False
    print("primes below {}: {}".format(n, count))
    print("largest: {}".format(last))


main()
