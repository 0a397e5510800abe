// Writing past the end panics just like reading.
fn main() {
    let mut v: Vec<u8> = vec![1, 2, 3];
    let mut i = 0;
    while i < 6 {
        v[i] = 9;
        println!("{:?}", v);
        i += 1;
    }
}
