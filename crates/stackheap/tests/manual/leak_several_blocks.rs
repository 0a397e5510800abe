// stackheap: mode=manual
// Three blocks are allocated and only one is freed: two leak.
fn make(n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        v.push(i as u8);
    }
    v
}

fn main() {
    let a = make(3);
    let b = vec![1u32, 2, 3, 4, 5];
    let c = alloc(12);
    dealloc(a);
    println!("{} {}", b.len(), c);
}
