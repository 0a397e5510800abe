fn main() {
    let v = vec![1, 2, 3];
    let mut c = v.clone();
    c.push(4);
    c[0] = 100;
    println!("{:?} {} {}", v, v.len(), v.capacity());
    println!("{:?} {} {}", c, c.len(), c.capacity());
    let s = String::from("abc");
    let mut t = s.clone();
    t.push_str("def");
    t.push('g');
    println!("{} {} {}", s, s.len(), s.capacity());
    println!("{} {} {}", t, t.len(), t.capacity());
    let mut big = Vec::with_capacity(10);
    big.push(5u8);
    let bc = big.clone();
    println!("{} {}", big.capacity(), bc.capacity());
}
