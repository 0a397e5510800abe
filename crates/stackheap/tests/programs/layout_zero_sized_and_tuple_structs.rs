use std::mem::{align_of, size_of};

struct Unit;
struct Empty {}
struct Meters(u32);
struct Pair(u8, u64);
#[repr(C)]
struct PairC(u8, u64, u8);
struct WithUnit {
    a: u16,
    u: Unit,
}

fn main() {
    println!("Unit {} {}", size_of::<Unit>(), align_of::<Unit>());
    println!("Empty {} {}", size_of::<Empty>(), align_of::<Empty>());
    println!("Meters {} {}", size_of::<Meters>(), align_of::<Meters>());
    println!("Pair {} {}", size_of::<Pair>(), align_of::<Pair>());
    println!("PairC {} {}", size_of::<PairC>(), align_of::<PairC>());
    println!("WithUnit {} {}", size_of::<WithUnit>(), align_of::<WithUnit>());
    println!("[Pair; 2] {}", size_of::<[Pair; 2]>());
    println!("Option<Meters> {}", size_of::<Option<Meters>>());
    let m = Meters(5);
    let p = Pair(1, 2);
    let w = WithUnit { a: 3, u: Unit };
    let _u = w.u;
    println!("{} {} {} {}", m.0, p.0, p.1, 3);
}
