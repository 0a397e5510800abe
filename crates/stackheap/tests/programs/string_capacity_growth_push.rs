fn main() {
    let mut s = String::with_capacity(2);
    let mut last = s.capacity();
    println!("start {}", last);
    for i in 0..40u8 {
        s.push((97 + i % 26) as char);
        if s.capacity() != last {
            last = s.capacity();
            println!("len {} cap {}", s.len(), last);
        }
    }
    s.push('é');
    println!("{} {}", s.len(), s.capacity());
}
