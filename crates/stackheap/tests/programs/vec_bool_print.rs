// Printing a Vec<bool> with {:?}.
fn main() {
    let mut v: Vec<bool> = Vec::new();
    for i in 0..6 {
        v.push(i % 3 == 0);
    }
    println!("{:?}", v);
    v[1] = !v[1];
    println!("{:?}", v);
    let w = vec![true];
    println!("{:?} {}", w, w[0]);
    println!("{}", v.capacity());
}
