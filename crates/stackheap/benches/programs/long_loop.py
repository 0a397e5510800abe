# Seek-test program for the benchmark: the CPython twin of long_loop.rs (same output).
def main():
    size = 1000
    v = [0] * size
    w = []
    x = 1
    idx = 0
    i = 0
    while i < 300000:
        x = (x * 75 + 74) % 65537
        idx = (idx * 7 + 3) % size
        v[idx] = (v[idx] + x) % 1000
        if i % 1000 == 0:
            w.append(x)
        i += 1
    total = 0
    for k in range(0, size):
        total += v[k]
    print("sum: {}".format(total))
    print("pushed: {}".format(len(w)))
    print("last: {}".format(w[len(w) - 1]))


main()
