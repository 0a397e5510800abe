fn main() {
    let mut v: Vec<u64> = Vec::new();
    v.push(1);
    v.push(2);
    let a = v.pop().unwrap();
    let b = v.pop().unwrap();
    println!("{a} {b} {}", v.is_empty());
    let c = v.pop().unwrap();
    println!("never {c}");
}
