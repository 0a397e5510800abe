# Benchmark program: the CPython twin of nested_loops.rs (same loops, same output).
def main():
    n = 300
    total = 0
    count = 0
    for i in range(0, n):
        for j in range(0, n):
            total = (total * 31 + i * j + 7) % 1000000007
            if (i + j) % 3 == 0:
                count += 1
    print("sum: {}".format(total))
    print("pairs: {}".format(count))


main()
