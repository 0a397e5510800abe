# Benchmark program: the CPython twin of fib_recursive.rs (same recursion, same output).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = 23
    r = fib(n)
    print("fib({}) = {}".format(n, r))


main()
