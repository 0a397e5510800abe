// Counting down below usize::MIN with `-=` panics with "attempt to subtract with overflow".
fn count_down(start: usize, steps: u32) -> usize {
    let mut x = start;
    let mut i = 0;
    while i < steps {
        x -= 1;
        i += 1;
    }
    x
}

fn main() {
    let low: usize = usize::MIN + 2;
    println!("{}", count_down(low, 2));
    println!("{}", count_down(low, 3));
    println!("not reached");
}
