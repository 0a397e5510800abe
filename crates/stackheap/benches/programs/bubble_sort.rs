//! Benchmark program: bubble sort of 400 pseudo-random `u32` values (the LCG
//! x = (75 x + 74) mod 65537) held in a `Vec<u32>`; prints the ends, a checksum and a
//! count of pairs left out of order (0).
fn main() {
    let n: usize = 400;
    let mut v: Vec<u32> = Vec::new();
    let mut x: u32 = 12345;
    let mut k: usize = 0;
    while k < n {
        x = (x * 75 + 74) % 65537;
        v.push(x);
        k += 1;
    }
    for i in 0..n {
        for j in 0..n - 1 - i {
            if v[j] > v[j + 1] {
                let t: u32 = v[j];
                v[j] = v[j + 1];
                v[j + 1] = t;
            }
        }
    }
    let mut checksum: u32 = 0;
    let mut unsorted: u32 = 0;
    for i in 0..n {
        checksum = (checksum * 31 + v[i]) % 1000003;
        if i + 1 < n {
            if v[i] > v[i + 1] {
                unsorted += 1;
            }
        }
    }
    println!("len: {}", v.len());
    println!("smallest: {}", v[0]);
    println!("largest: {}", v[n - 1]);
    println!("checksum: {}", checksum);
    println!("out of order: {}", unsorted);
}
