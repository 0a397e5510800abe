// stackheap: mode=manual
// title: Double free (checked)
// teaches: Calling dealloc twice on the same block is a double free; the checker names the block and both frees.
fn main() {
    let years = vec![1995, 2000, 2005];
    println!("{}", years[0]);
    dealloc(years);
    dealloc(years);
}
