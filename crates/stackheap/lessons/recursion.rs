// title: Recursion: one frame per call
// teaches: Every call to factorial pushes a frame with its own return slot and argument; the frames unwind in reverse as the results come back.
fn factorial(n: u64) -> u64 {
    if n <= 1 {
        return 1;
    }
    n * factorial(n - 1)
}

fn main() {
    println!("5! = {}", factorial(5));
}
