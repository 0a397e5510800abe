// Shifting elements up with `v[j + 1] = v[j]` runs past the end: the bounds panic is at the
// write's index, after the writes before it.
fn main() {
    let mut v: Vec<u32> = vec![1, 2, 3, 4, 5];
    let mut j: usize = 0;
    while j < 5 {
        v[j + 1] = v[j] * 10;
        println!("{:?}", v);
        j += 1;
    }
}
