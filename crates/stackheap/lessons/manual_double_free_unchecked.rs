// stackheap: mode=manual checks=unchecked
// title: Double free (unchecked): two owners, one block
// teaches: An unchecked double free puts the block on the free list twice, so two later Vecs get the same bytes and writing one changes the other.
fn main() {
    let years = vec![1995, 2000, 2005];
    dealloc(years);
    dealloc(years);
    let mut a = vec![1, 2, 3];
    let b = vec![7, 8, 9];
    a[0] = 100;
    println!("a = {:?}, b = {:?}", a, b);
    dealloc(b);
    dealloc(a);
}
