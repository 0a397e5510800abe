// Empty Vecs print as [].
fn main() {
    let a: Vec<i32> = Vec::new();
    println!("{:?}", a);
    let b: Vec<bool> = Vec::with_capacity(5);
    println!("{:?} {} {}", b, b.len(), b.capacity());
    let c: Vec<u8> = Vec::with_capacity(0);
    println!("{:?}", c);
    println!("a={a:?} empty={}", a.is_empty());
}
