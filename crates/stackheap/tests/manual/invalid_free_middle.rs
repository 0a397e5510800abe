// stackheap: mode=manual
// Freeing a pointer into the middle of a block.
fn main() {
    let p = alloc(20);
    let q = p + 4;
    dealloc(q);
}
