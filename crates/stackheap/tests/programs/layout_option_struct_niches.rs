use std::mem::{align_of, size_of};

struct Flags {
    on: bool,
    level: u8,
}

#[repr(C)]
struct FlagsC {
    level: u32,
    on: bool,
}

struct Plain {
    a: u32,
    b: u16,
}

fn main() {
    println!("Flags {} Option<Flags> {}", size_of::<Flags>(), size_of::<Option<Flags>>());
    println!("FlagsC {} Option<FlagsC> {}", size_of::<FlagsC>(), size_of::<Option<FlagsC>>());
    println!("Plain {} Option<Plain> {}", size_of::<Plain>(), size_of::<Option<Plain>>());
    println!("Option<[u8; 3]> {} {}", size_of::<Option<[u8; 3]>>(), align_of::<Option<[u8; 3]>>());
    println!("Option<(bool, u32)> {}", size_of::<Option<(bool, u32)>>());
    println!("Option<u16> {} {}", size_of::<Option<u16>>(), align_of::<Option<u16>>());
    println!("Option<i64> {} {}", size_of::<Option<i64>>(), align_of::<Option<i64>>());
    println!("Option<&[u8]> {}", size_of::<Option<&[u8]>>());
    println!("Option<&str> {}", size_of::<Option<&str>>());
    println!("Option<Box<u64>> {}", size_of::<Option<Box<u64>>>());
}
