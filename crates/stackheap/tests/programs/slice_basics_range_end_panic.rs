fn total(xs: &[i32]) -> i32 {
    let mut t = 0;
    let mut i = 0;
    while i < xs.len() {
        t += xs[i];
        i += 1;
    }
    t
}

fn main() {
    let v = vec![1, 2, 3, 4, 5];
    let a = &v[1..3];
    println!("{:?} {}", a, a.len());
    let b = &v[..];
    let c = &v[2..];
    let d = &v[..=1];
    println!("{:?} {:?} {:?}", b, c, d);
    println!("{} {} {}", total(&v), total(a), total(&v[3..]));
    let arr = [10, 20, 30];
    println!("{} {:?}", total(&arr), &arr[1..]);
    let e = &a[1..];
    println!("{:?} {} {}", e, e[0], e.is_empty());
    let n = 7;
    let bad = &v[2..n];
    println!("{:?}", bad);
}
