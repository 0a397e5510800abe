use std::mem;

struct Mixed {
    a: u8,
    b: u32,
    c: u16,
    d: bool,
}

#[repr(C)]
struct MixedC {
    a: u8,
    b: u32,
    c: u16,
    d: bool,
}

#[repr(C)]
struct Padded {
    a: u8,
    b: u64,
    c: u8,
}

struct Reordered {
    a: u8,
    b: u64,
    c: u8,
}

#[repr(C)]
struct Nested {
    head: u8,
    inner: Padded,
    tail: u16,
}

struct Holder {
    flag: bool,
    items: Vec<u8>,
    count: u32,
}

struct Pair(u8, u16);

struct Unit;

struct Empty {}

fn main() {
    println!("{} {}", mem::size_of::<Mixed>(), mem::align_of::<Mixed>());
    println!("{} {}", mem::size_of::<MixedC>(), mem::align_of::<MixedC>());
    println!("{} {}", mem::size_of::<Padded>(), mem::align_of::<Padded>());
    println!("{} {}", mem::size_of::<Reordered>(), mem::align_of::<Reordered>());
    println!("{} {}", mem::size_of::<Nested>(), mem::align_of::<Nested>());
    println!("{} {}", mem::size_of::<Holder>(), mem::align_of::<Holder>());
    println!("{} {}", std::mem::size_of::<Pair>(), std::mem::align_of::<Pair>());
    println!("{} {}", mem::size_of::<Unit>(), mem::align_of::<Unit>());
    println!("{}", mem::size_of::<Empty>());
    println!("{} {} {} {}", mem::size_of::<u8>(), mem::size_of::<i16>(), mem::size_of::<u32>(), mem::size_of::<i64>());
    println!("{} {} {}", mem::size_of::<bool>(), mem::size_of::<usize>(), mem::align_of::<isize>());
    println!("{} {}", mem::size_of::<Vec<i32>>(), mem::align_of::<Vec<u8>>());
    println!("{} {}", mem::size_of::<(u8, u32)>(), mem::size_of::<(u8, u64, u8)>());
    println!("{} {}", mem::size_of::<(bool,)>(), mem::align_of::<(u16, u8)>());
    println!("{} {}", mem::size_of::<[u16; 5]>(), mem::align_of::<[u32; 3]>());
    println!("{} {}", mem::size_of::<[Padded; 2]>(), mem::size_of::<[Vec<i32>; 2]>());
    println!("{}", mem::size_of::<()>());
    let m = Mixed { a: 1, b: 2, c: 3, d: true };
    let mc = MixedC { a: 1, b: 2, c: 3, d: false };
    let n = Nested { head: 1, inner: Padded { a: 2, b: 3, c: 4 }, tail: 5 };
    let r = Reordered { a: 1, b: 2, c: 3 };
    let h = Holder { flag: true, items: vec![1, 2], count: 7 };
    let pr = Pair(1, 2);
    let _u = Unit;
    println!("{} {} {} {}", m.a, m.b, m.c, m.d);
    println!("{} {} {} {}", mc.a, mc.b, mc.c, mc.d);
    println!("{} {} {} {} {}", n.head, n.inner.a, n.inner.b, n.inner.c, n.tail);
    println!("{} {} {}", r.a, r.b, r.c);
    println!("{} {} {}", h.flag, h.items.len(), h.count);
    println!("{} {}", pr.0, pr.1);
}
