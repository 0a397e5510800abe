// Counting down below u16::MIN with `-=` panics with "attempt to subtract with overflow".
fn count_down(start: u16, steps: u32) -> u16 {
    let mut x = start;
    let mut i = 0;
    while i < steps {
        x -= 1;
        i += 1;
    }
    x
}

fn main() {
    let low: u16 = u16::MIN + 2;
    println!("{}", count_down(low, 2));
    println!("{}", count_down(low, 3));
    println!("not reached");
}
