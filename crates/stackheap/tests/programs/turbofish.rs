// Turbofish on paths: `None::<i32>`, `Some::<i64>(5)`, `Vec::<i32>::new()`,
// `Vec::<u8>::with_capacity(4)`, `std::vec::Vec::<u16>::new()`, `Vec::<Vec<i32>>::new()`.
fn main() {
    let a = None::<i32>;
    let mut v = Vec::<i32>::new();
    v.push(1);
    let w = Vec::<u8>::with_capacity(4);
    let b: Option<u8> = None::<u8>;
    let c = std::vec::Vec::<u16>::new();
    println!("{:?} {:?} {} {:?} {}", a, v, w.capacity(), b, c.len());
    let s = Some::<i64>(5);
    let mut grid = Vec::<Vec<i32>>::new();
    grid.push(vec![1, 2]);
    println!("{:?} {}", grid, std::mem::size_of::<Option<u8>>());
    println!("{:?}", s);
}
