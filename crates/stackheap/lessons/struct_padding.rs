// title: A struct's bytes and its padding
// teaches: fields sit at aligned offsets; #[repr(C)] keeps their order and leaves gaps, while Rust's default order packs them
use std::mem;

#[repr(C)]
struct Declared {
    flag: u8,
    count: u32,
    small: u16,
}

struct Reordered {
    flag: u8,
    count: u32,
    small: u16,
}

fn main() {
    let d = Declared { flag: 1, count: 2, small: 3 };
    let r = Reordered { flag: 1, count: 2, small: 3 };
    println!("Declared: {} bytes, Reordered: {} bytes", mem::size_of::<Declared>(), mem::size_of::<Reordered>());
    println!("{} {} {}", d.flag, d.count, d.small);
    println!("{} {} {}", r.flag, r.count, r.small);
}
