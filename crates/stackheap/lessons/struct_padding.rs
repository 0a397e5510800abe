// title: A struct's bytes and its padding
// teaches: Each field sits at an offset aligned to its size; #[repr(C)] keeps the declared order and leaves padding, while Rust's default order packs the same fields into fewer bytes.
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
