fn swap(p: (i32, i32)) -> (i32, i32) {
    (p.1, p.0)
}

fn min_max(v: &Vec<i32>) -> (i32, i32) {
    let mut lo = v[0];
    let mut hi = v[0];
    for x in v {
        if *x < lo {
            lo = *x;
        }
        if *x > hi {
            hi = *x;
        }
    }
    (lo, hi)
}

fn main() {
    let (a, b) = swap((1, 2));
    println!("{a} {b}");
    let ((x, y), z) = ((10u8, 20u16), 30u64);
    println!("{x} {y} {z}");
    let t = (7, true, 'q');
    let (n, flag, c) = t;
    println!("{n} {flag} {c} {:?}", t);
    let data = vec![5, -3, 9, 0];
    let (lo, hi) = min_max(&data);
    println!("lo {lo} hi {hi}");
    let (_, second, _) = (1, 2, 3);
    println!("{second}");
}
