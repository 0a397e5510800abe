// stackheap: mode=manual
// Reading a returned frame's local (`x` lived at stack[8]) through stack_bytes.
fn seven() -> u8 {
    let x: u8 = 7;
    x
}

fn main() {
    let s = seven();
    let old = stack_bytes[8];
    println!("{} {}", s, old);
}
