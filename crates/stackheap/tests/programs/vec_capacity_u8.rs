// Capacity of a Vec<u8> from Vec::new() after every push.
fn main() {
    let mut v: Vec<u8> = Vec::new();
    println!("start: len {} capacity {} empty {}", v.len(), v.capacity(), v.is_empty());
    let mut i = 0;
    while i < 20 {
        v.push(i as u8);
        println!("len {} capacity {}", v.len(), v.capacity());
        i += 1;
    }
    println!("{:?}", v);
}
