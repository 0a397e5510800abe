// stackheap: mode=manual
// Writing through a freed Vec is caught even though `w` already took its bytes.
fn main() {
    let mut v = vec![1, 2, 3];
    dealloc(v);
    let w = vec![7, 7, 7];
    v[1] = 9;
    println!("{:?}", w);
}
