fn main() {
    let v = vec![1, 2, 3, 4];
    let s = &v[1..3];
    println!("{}", s[1]);
    println!("{}", s[2]);
}
