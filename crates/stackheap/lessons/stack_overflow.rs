// stackheap: stack-size=1k
// title: Stack overflow
// teaches: Recursion that never stops keeps pushing frames until stack_length passes the end of the stack.
fn countdown(n: u64) -> u64 {
    let next = n + 1;
    countdown(next)
}

fn main() {
    println!("{}", countdown(0));
}
