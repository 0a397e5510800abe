use std::mem::{align_of, size_of};

fn main() {
    println!("(u8, u32) {} {}", size_of::<(u8, u32)>(), align_of::<(u8, u32)>());
    println!("(u8, u16, u8) {} {}", size_of::<(u8, u16, u8)>(), align_of::<(u8, u16, u8)>());
    println!("(u64, u8) {} {}", size_of::<(u64, u8)>(), align_of::<(u64, u8)>());
    println!("(bool, bool) {} {}", size_of::<(bool, bool)>(), align_of::<(bool, bool)>());
    println!("() {} {}", size_of::<()>(), align_of::<()>());
    println!("[u8; 5] {} {}", size_of::<[u8; 5]>(), align_of::<[u8; 5]>());
    println!("[u32; 3] {} {}", size_of::<[u32; 3]>(), align_of::<[u32; 3]>());
    println!("[(u8, u32); 2] {} {}", size_of::<[(u8, u32); 2]>(), align_of::<[(u8, u32); 2]>());
    println!("[[u16; 3]; 2] {} {}", size_of::<[[u16; 3]; 2]>(), align_of::<[[u16; 3]; 2]>());
    println!("[u64; 0] {} {}", size_of::<[u64; 0]>(), align_of::<[u64; 0]>());
    println!("(i8, [u16; 3]) {} {}", size_of::<(i8, [u16; 3])>(), align_of::<(i8, [u16; 3])>());
}
