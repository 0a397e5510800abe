// Capacity of a Vec<i32> from Vec::new() after every push.
fn main() {
    let mut v: Vec<i32> = Vec::new();
    println!("start: len {} capacity {} empty {}", v.len(), v.capacity(), v.is_empty());
    let mut i = 0;
    while i < 20 {
        v.push(i as i32);
        println!("len {} capacity {}", v.len(), v.capacity());
        i += 1;
    }
    println!("{:?}", v);
}
