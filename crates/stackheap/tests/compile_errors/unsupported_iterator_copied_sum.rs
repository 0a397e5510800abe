// unsupported 4:27: the iterator method `.copied(..)` is not supported yet
fn main() {
    let v = vec![1, 2, 3];
    let t: i32 = v.iter().copied().sum();
    println!("{t}");
}
