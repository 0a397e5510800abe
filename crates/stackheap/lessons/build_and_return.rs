// title: Building a Vec in a function and returning it
// teaches: Only the Vec's metadata (24 bytes at 64-bit pointers, 12 at 32) is copied back through the return slot; the elements stay where they are on the heap.
fn squares(n: u32) -> Vec<u32> {
    let mut v = Vec::new();
    for i in 1..=n {
        v.push(i * i);
    }
    v
}

fn main() {
    let s = squares(5);
    println!("{:?} has length {} and capacity {}", s, s.len(), s.capacity());
}
