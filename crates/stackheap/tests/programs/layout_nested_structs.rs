use std::mem;

#[repr(C)]
struct Inner {
    a: u8,
    b: u32,
}

#[repr(C)]
struct Outer {
    flag: u8,
    inner: Inner,
    tail: u8,
}

struct InnerD {
    a: u8,
    b: u32,
}

struct OuterD {
    flag: u8,
    inner: InnerD,
    tail: u8,
}

struct Wide {
    small: u8,
    pair: (u16, u64),
}

fn main() {
    println!("Inner {} {}", mem::size_of::<Inner>(), mem::align_of::<Inner>());
    println!("Outer {} {}", mem::size_of::<Outer>(), mem::align_of::<Outer>());
    println!("InnerD {} {}", mem::size_of::<InnerD>(), mem::align_of::<InnerD>());
    println!("OuterD {} {}", mem::size_of::<OuterD>(), mem::align_of::<OuterD>());
    println!("Wide {} {}", mem::size_of::<Wide>(), mem::align_of::<Wide>());
    let o = Outer { flag: 1, inner: Inner { a: 2, b: 300 }, tail: 4 };
    println!("{} {} {} {}", o.flag, o.inner.a, o.inner.b, o.tail);
    let mut d = OuterD { flag: 5, inner: InnerD { a: 6, b: 70000 }, tail: 8 };
    d.inner.b += 1;
    d.tail = d.inner.a + d.flag;
    println!("{} {} {} {}", d.flag, d.inner.a, d.inner.b, d.tail);
    let w = Wide { small: 3, pair: (4, 5) };
    println!("{} {} {}", w.small, w.pair.0, w.pair.1);
}
