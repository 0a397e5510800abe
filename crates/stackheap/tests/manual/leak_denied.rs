// stackheap: mode=manual deny-leaks=true
// With deny-leaks, a leak fails the run.
fn main() {
    let v = vec![1, 2, 3];
    println!("{}", v[0]);
}
