// Vec::with_capacity reserves exactly that much; pushing past it doubles the capacity.
fn main() {
    let mut v: Vec<i16> = Vec::with_capacity(3);
    println!("len {} capacity {}", v.len(), v.capacity());
    for i in 0..8 {
        v.push(i * 100);
        println!("len {} capacity {}", v.len(), v.capacity());
    }
    println!("{:?}", v);
    let mut w: Vec<u8> = Vec::with_capacity(0);
    println!("w capacity {}", w.capacity());
    w.push(1);
    println!("w capacity {}", w.capacity());
    let mut big: Vec<u64> = Vec::with_capacity(10);
    for i in 0..11 {
        big.push(i);
    }
    println!("big len {} capacity {}", big.len(), big.capacity());
}
