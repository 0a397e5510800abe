fn find(v: &Vec<i32>, target: i32) -> Option<&i32> {
    for x in v {
        if *x == target {
            return Some(x);
        }
    }
    None
}

fn maybe_box(n: u8) -> Option<Box<u8>> {
    if n > 2 {
        Some(Box::new(n * 2))
    } else {
        None
    }
}

fn main() {
    let v = vec![4, 8, 15];
    match find(&v, 8) {
        Some(r) => println!("found {}", *r),
        None => println!("missing"),
    }
    if let Some(r) = find(&v, 16) {
        println!("found {r}");
    } else {
        println!("no 16");
    }
    println!("{:?} {:?}", find(&v, 15), find(&v, 1));
    let a = maybe_box(1);
    let b = maybe_box(5);
    println!("{:?} {:?} {} {}", a, b, a.is_none(), b.is_some());
    if let Some(bx) = b {
        println!("boxed {}", *bx + 1);
    }
}
