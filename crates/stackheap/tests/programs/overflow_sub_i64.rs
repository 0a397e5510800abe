// Counting down below i64::MIN with `-=` panics with "attempt to subtract with overflow".
fn count_down(start: i64, steps: u32) -> i64 {
    let mut x = start;
    let mut i = 0;
    while i < steps {
        x -= 1;
        i += 1;
    }
    x
}

fn main() {
    let low: i64 = i64::MIN + 2;
    println!("{}", count_down(low, 2));
    println!("{}", count_down(low, 3));
    println!("not reached");
}
