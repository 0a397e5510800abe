// vec![x; n] and vec![a, b, c]: length and capacity equal the element count.
fn main() {
    let n = 5;
    let zeros: Vec<i32> = vec![0; n];
    println!("{:?} len {} capacity {}", zeros, zeros.len(), zeros.capacity());
    let sevens = vec![7u8; 3];
    println!("{:?}", sevens);
    let flags = vec![false; 4];
    println!("{:?}", flags);
    let none: Vec<u32> = vec![9; 0];
    println!("{:?} {} {}", none, none.len(), none.is_empty());
    let listed = vec![10_i64, -20, 30];
    println!("{:?} len {} capacity {}", listed, listed.len(), listed.capacity());
    let mut grow = vec![1u16; 2];
    grow.push(2);
    println!("{:?} capacity {}", grow, grow.capacity());
}
