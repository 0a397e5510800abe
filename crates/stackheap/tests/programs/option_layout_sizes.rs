use std::mem::size_of;

struct Point {
    x: i32,
    y: i32,
}

struct Flagged {
    n: u32,
    on: bool,
}

fn main() {
    println!("{}", size_of::<Option<u8>>());
    println!("{}", size_of::<Option<i32>>());
    println!("{}", size_of::<Option<i64>>());
    println!("{}", size_of::<Option<bool>>());
    println!("{}", size_of::<Option<&i32>>());
    println!("{}", size_of::<Option<&mut Vec<i32>>>());
    println!("{}", size_of::<Option<Vec<i32>>>());
    println!("{}", size_of::<Option<Option<bool>>>());
    println!("{}", size_of::<Option<Option<u8>>>());
    println!("{}", size_of::<Option<(u8, u16)>>());
    println!("{}", size_of::<Option<Point>>());
    println!("{}", size_of::<Option<Flagged>>());
    println!("{}", size_of::<Option<[u8; 3]>>());
    println!("{}", std::mem::align_of::<Option<u16>>());
    println!("{}", size_of::<Option<usize>>());
}
