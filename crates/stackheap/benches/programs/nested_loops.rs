//! Benchmark program: a 300 x 300 nested loop that folds `i * j` into a sum kept below
//! 1,000,000,007 with `%`, and counts the pairs whose sum `i + j` is a multiple of 3.
fn main() {
    let n: u64 = 300;
    let mut sum: u64 = 0;
    let mut count: u64 = 0;
    for i in 0..n {
        for j in 0..n {
            sum = (sum * 31 + i * j + 7) % 1000000007;
            if (i + j) % 3 == 0 {
                count += 1;
            }
        }
    }
    println!("sum: {}", sum);
    println!("pairs: {}", count);
}
