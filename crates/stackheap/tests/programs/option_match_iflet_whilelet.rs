fn describe(o: Option<i32>) -> i32 {
    match o {
        Some(n) if n < 0 => -1,
        Some(0) => 0,
        Some(n) => n * 10,
        None => 999,
    }
}

fn main() {
    println!("{} {} {} {}", describe(Some(-5)), describe(Some(0)), describe(Some(3)), describe(None));
    let mut stack = vec![1, 2, 3];
    stack.push(4);
    while let Some(top) = stack.pop() {
        print!("{top} ");
    }
    println!("len {}", stack.len());
    if let Some(x) = stack.pop() {
        println!("got {x}");
    } else {
        println!("empty");
    }
    let maybe: Option<u8> = Some(200);
    if let Some(b) = maybe {
        println!("b {b} {:?}", maybe);
    }
    stack.push(9);
    let last = stack.pop().unwrap();
    println!("last {last}");
    let nothing = stack.pop();
    println!("{:?}", nothing);
    let boom = nothing.unwrap();
    println!("never {boom}");
}
