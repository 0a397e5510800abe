// stackheap: mode=manual checks=unchecked
// A double free puts the block on the free list twice: `a` and `b` get the same bytes.
fn main() {
    let v = vec![1, 2, 3, 4];
    dealloc(v);
    dealloc(v);
    let a = vec![10, 20, 30, 40];
    let b = vec![50, 60, 70, 80];
    println!("{:?} {:?}", a, b);
    dealloc(a);
}
