// Neighbouring elements read with `v[i - 1]`: the subtraction overflows at i = 0, and the
// panic is the subtraction's, not the indexing's.
fn main() {
    let v: Vec<u64> = vec![5, 8, 13, 21];
    let mut i: usize = 3;
    let mut total: u64 = 0;
    loop {
        total += v[i] - v[i - 1];
        println!("step {} total {}", i, total);
        i -= 1;
    }
}
