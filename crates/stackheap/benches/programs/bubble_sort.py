# Benchmark program: the CPython twin of bubble_sort.rs (same LCG, same sort, same output).
def main():
    n = 400
    v = []
    x = 12345
    k = 0
    while k < n:
        x = (x * 75 + 74) % 65537
        v.append(x)
        k += 1
    for i in range(0, n):
        for j in range(0, n - 1 - i):
            if v[j] > v[j + 1]:
                t = v[j]
                v[j] = v[j + 1]
                v[j + 1] = t
    checksum = 0
    unsorted = 0
    for i in range(0, n):
        checksum = (checksum * 31 + v[i]) % 1000003
        if i + 1 < n:
            if v[i] > v[i + 1]:
                unsorted += 1
    print("len: {}".format(len(v)))
    print("smallest: {}".format(v[0]))
    print("largest: {}".format(v[n - 1]))
    print("checksum: {}".format(checksum))
    print("out of order: {}".format(unsorted))


main()
