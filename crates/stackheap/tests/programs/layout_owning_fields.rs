use std::mem::{align_of, size_of};

struct Owner {
    tag: u8,
    items: Vec<u32>,
    name: String,
}

#[repr(C)]
struct OwnerC {
    tag: u8,
    items: Vec<u32>,
    count: u16,
}

struct Holder {
    b: Box<u8>,
    flag: bool,
}

fn main() {
    println!("Vec<u32> {} {}", size_of::<Vec<u32>>(), align_of::<Vec<u32>>());
    println!("String {} {}", size_of::<String>(), align_of::<String>());
    println!("Box<u8> {} {}", size_of::<Box<u8>>(), align_of::<Box<u8>>());
    println!("&[u8] {} &str {}", size_of::<&[u8]>(), size_of::<&str>());
    println!("Owner {} {}", size_of::<Owner>(), align_of::<Owner>());
    println!("OwnerC {} {}", size_of::<OwnerC>(), align_of::<OwnerC>());
    println!("Holder {} {}", size_of::<Holder>(), align_of::<Holder>());
    println!("Option<Holder> {}", size_of::<Option<Holder>>());
}
