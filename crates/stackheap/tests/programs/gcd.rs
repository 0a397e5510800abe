// Euclid's algorithm, iterative and recursive.
fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn gcd_rec(a: i32, b: i32) -> i32 {
    if b == 0 {
        a.abs()
    } else {
        gcd_rec(b, a % b)
    }
}

fn main() {
    println!("{}", gcd(48, 18));
    println!("{}", gcd(17, 5));
    println!("{}", gcd(0, 9));
    println!("{}", gcd(1071, 462));
    println!("{}", gcd_rec(-48, 18));
    println!("{}", gcd_rec(270, -192));
    let lcm = 21 / gcd(21, 6) * 6;
    println!("lcm {lcm}");
}
