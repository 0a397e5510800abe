fn main() {
    let v = vec![1u8, 2, 3, 4];
    let s = &v[1..=2];
    println!("{:?}", s);
    let a = 3;
    let b = 1;
    let bad = &v[a..b];
    println!("never {:?}", bad);
}
