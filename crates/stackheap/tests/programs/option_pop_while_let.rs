fn main() {
    let mut v = vec![1, 2, 3];
    while let Some(x) = v.pop() {
        println!("popped {x}, {} left", v.len());
    }
    println!("{:?}", v.pop());
    println!("capacity still {}", v.capacity());
    let mut stack: Vec<(u8, i64)> = Vec::new();
    stack.push((1, -5));
    stack.push((2, 7));
    let top = stack.pop();
    println!("{:?}", top);
    if let Some((k, val)) = stack.pop() {
        println!("{k} {val}");
    }
    println!("{:?}", stack.pop().is_none());
}
