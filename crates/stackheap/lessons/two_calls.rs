// title: Two calls in one expression
// teaches: In `square(a) + square(b)` the first result waits in its return slot, just below the second call's frame, until the addition reads both.
fn square(x: u32) -> u32 {
    x * x
}

fn main() {
    let a: u32 = 3;
    let b: u32 = 4;
    let c = square(a) + square(b);
    println!("{} squared plus {} squared is {}", a, b, c);
}
