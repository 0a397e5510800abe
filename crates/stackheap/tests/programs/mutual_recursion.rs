// Two functions that call each other.
fn is_even(n: u32) -> bool {
    if n == 0 {
        true
    } else {
        is_odd(n - 1)
    }
}

fn is_odd(n: u32) -> bool {
    if n == 0 {
        false
    } else {
        is_even(n - 1)
    }
}

fn main() {
    for n in 0..6 {
        println!("{n}: even {} odd {}", is_even(n), is_odd(n));
    }
    println!("{}", is_even(101));
}
