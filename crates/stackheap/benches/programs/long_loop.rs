//! Seek-test program for the benchmark (not timed against CPython): a 300,000-iteration
//! loop that scatters values over a 1,000-element `Vec<u64>` and grows a second Vec now
//! and then, giving a trace of well over 1,000,000 steps to call `state_at` on.
fn main() {
    let size: usize = 1000;
    let mut v: Vec<u64> = vec![0; size];
    let mut w: Vec<u64> = Vec::new();
    let mut x: u64 = 1;
    let mut idx: usize = 0;
    let mut i: u64 = 0;
    while i < 300000 {
        x = (x * 75 + 74) % 65537;
        idx = (idx * 7 + 3) % size;
        v[idx] = (v[idx] + x) % 1000;
        if i % 1000 == 0 {
            w.push(x);
        }
        i += 1;
    }
    let mut sum: u64 = 0;
    for k in 0..size {
        sum += v[k];
    }
    println!("sum: {}", sum);
    println!("pushed: {}", w.len());
    println!("last: {}", w[w.len() - 1]);
}
