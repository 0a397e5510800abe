// `v[i] += 1` out of bounds panics with the index message.
fn bump(mut v: Vec<u32>, i: usize) -> Vec<u32> {
    v[i] += 1;
    v
}

fn main() {
    let v = vec![0; 4];
    let v = bump(v, 3);
    println!("{:?}", v);
    let v = bump(v, 4);
    println!("{:?}", v);
}
