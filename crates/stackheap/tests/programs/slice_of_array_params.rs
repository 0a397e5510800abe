fn largest(s: &[i32]) -> i32 {
    let mut m = s[0];
    for x in s.iter() {
        if *x > m {
            m = *x;
        }
    }
    m
}

fn first_n(s: &[i32], n: usize) -> &[i32] {
    &s[..n]
}

fn main() {
    let a = [5, -2, 17, 8, 3];
    println!("{}", largest(&a));
    println!("{}", largest(&a[3..]));
    let f = first_n(&a, 2);
    println!("{:?} {}", f, f.len());
    let v = vec![9, 10];
    println!("{}", largest(&v));
    let empty = &a[2..2];
    println!("{:?} {}", empty, empty.is_empty());
    let n = 6;
    let g = first_n(&a, n);
    println!("never {:?}", g);
}
