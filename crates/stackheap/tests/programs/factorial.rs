// Recursive factorial from 0! to 20!, the largest that fits in u64.
fn factorial(n: u64) -> u64 {
    if n == 0 {
        1
    } else {
        n * factorial(n - 1)
    }
}

fn main() {
    for i in 0..=20 {
        println!("{i}! = {}", factorial(i));
    }
}
