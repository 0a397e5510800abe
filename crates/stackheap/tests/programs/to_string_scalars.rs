fn main() {
    let a = 5.to_string();
    let b = (-1234i64).to_string();
    let c = true.to_string();
    let d = 'x'.to_string();
    let e = 'é'.to_string();
    for s in [&a, &b, &c, &d, &e] {
        println!("{:?} {} {}", s, s.len(), s.capacity());
    }
}
