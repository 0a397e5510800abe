fn main() {
    let v = vec![1u8, 2, 3];
    let a = 2;
    let b = 1;
    println!("{:?}", &v[..b]);
    let s = &v[a..b];
    println!("{:?}", s);
}
