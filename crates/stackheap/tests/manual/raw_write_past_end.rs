// stackheap: mode=manual
// Writing one byte past the end of an 8-byte block.
fn main() {
    let p = alloc(8);
    for i in 0..9 {
        heap_bytes[p + i] = 255;
    }
    dealloc(p);
}
