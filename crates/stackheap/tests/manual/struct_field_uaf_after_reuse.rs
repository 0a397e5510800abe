// stackheap: mode=manual
// A struct copied by value keeps its Vec field's provenance: after the block is freed and
// its bytes handed to a new Vec, reading through the old copy is still a use after free
// (under `#[repr(C)]` the Vec field lies 8 bytes into the struct).
#[repr(C)]
struct Bag {
    tag: u8,
    count: u32,
    items: Vec<u8>,
}

fn main() {
    let b = Bag { tag: 1, count: 3, items: vec![1, 2, 3] };
    let c = b;
    dealloc(c.items);
    let fresh = vec![7, 8, 9];
    println!("{} {}", fresh[0], b.tag + c.count as u8);
    println!("{}", b.items[0]);
}
