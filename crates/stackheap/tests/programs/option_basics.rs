fn find(v: &Vec<i32>, x: i32) -> Option<usize> {
    let mut i = 0;
    while i < v.len() {
        if v[i] == x {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn main() {
    let a: Option<i32> = Some(5);
    let b: Option<i32> = None;
    println!("{:?} {:?}", a, b);
    println!("{:#?}", a);
    println!("{} {}", a.is_some(), b.is_none());
    println!("{}", a.unwrap() + 1);
    let w = vec![10, 20, 30];
    match find(&w, 20) {
        Some(i) => println!("found at {i}"),
        None => println!("not found"),
    }
    if let Some(i) = find(&w, 99) {
        println!("found {i}");
    } else {
        println!("no 99");
    }
    let r = &w[1];
    let o = Some(r);
    println!("{:?}", o);
    let flag: Option<bool> = Some(false);
    println!("{:?}", flag);
}
