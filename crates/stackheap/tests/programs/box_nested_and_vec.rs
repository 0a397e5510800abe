fn main() {
    let bb = Box::new(Box::new(7u32));
    println!("{}", **bb + 1);
    let mut bv = Box::new(vec![1, 2]);
    (*bv).push(3);
    println!("{:?} {}", bv, (*bv).len());
    let mut boxes: Vec<Box<i64>> = Vec::new();
    for i in 0..3 {
        boxes.push(Box::new(i * -10));
    }
    *boxes[1] += 5;
    println!("{:?}", boxes);
    let first = &boxes[0];
    println!("{}", **first);
}
