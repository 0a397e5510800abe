// 21! does not fit in u64: the multiplication inside the recursion panics.
fn factorial(n: u64) -> u64 {
    if n <= 1 {
        return 1;
    }
    n * factorial(n - 1)
}

fn main() {
    println!("{}", factorial(20));
    println!("{}", factorial(21));
}
