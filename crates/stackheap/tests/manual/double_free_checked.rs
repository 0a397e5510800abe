// stackheap: mode=manual
// Freeing the same block twice.
fn main() {
    let p = alloc(16);
    heap_bytes[p] = 42;
    dealloc(p);
    dealloc(p);
}
