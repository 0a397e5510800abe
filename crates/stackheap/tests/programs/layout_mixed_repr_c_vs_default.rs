use std::mem::{align_of, size_of};

struct A {
    a: u8,
    b: u16,
    c: u8,
    d: u32,
}

#[repr(C)]
struct AC {
    a: u8,
    b: u16,
    c: u8,
    d: u32,
}

struct B {
    x: bool,
    y: u64,
    z: u16,
}

#[repr(C)]
struct BC {
    x: bool,
    y: u64,
    z: u16,
}

fn main() {
    println!("A: size {} align {}", size_of::<A>(), align_of::<A>());
    println!("AC: size {} align {}", size_of::<AC>(), align_of::<AC>());
    println!("B: size {} align {}", size_of::<B>(), align_of::<B>());
    println!("BC: size {} align {}", size_of::<BC>(), align_of::<BC>());
    let a = A { a: 1, b: 2, c: 3, d: 4 };
    let ac = AC { a: 5, b: 6, c: 7, d: 8 };
    println!("{} {} {} {}", a.a, a.b, a.c, a.d);
    println!("{} {} {} {}", ac.a, ac.b, ac.c, ac.d);
    let b = BC { x: true, y: 9, z: 10 };
    let b2 = B { x: false, y: 11, z: 12 };
    println!("{} {} {} / {} {} {}", b.x, b.y, b.z, b2.x, b2.y, b2.z);
}
