use std::mem::size_of;

struct Point {
    x: i32,
    y: i32,
}

fn main() {
    println!("Box<Point> {}", size_of::<Box<Point>>());
    println!("Option<Box<Point>> {}", size_of::<Option<Box<Point>>>());
    println!("&u8 {}", size_of::<&u8>());
    println!("Option<&u8> {}", size_of::<Option<&u8>>());
    println!("Option<&Point> {}", size_of::<Option<&Point>>());
    println!("Option<u8> {}", size_of::<Option<u8>>());
    println!("Option<bool> {}", size_of::<Option<bool>>());
    println!("Option<u32> {}", size_of::<Option<u32>>());
    println!("Option<u64> {}", size_of::<Option<u64>>());
    println!("Option<char> {}", size_of::<Option<char>>());
    println!("Option<Vec<u8>> {}", size_of::<Option<Vec<u8>>>());
    println!("Option<String> {}", size_of::<Option<String>>());
    println!("Option<Option<bool>> {}", size_of::<Option<Option<bool>>>());
    println!("Option<(u8, u32)> {}", size_of::<Option<(u8, u32)>>());
}
