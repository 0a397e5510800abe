// title: Vec::with_capacity avoids relocations
// teaches: Asking for the capacity up front allocates once; the pushes only write elements and bump the length.
fn main() {
    let mut v: Vec<i32> = Vec::with_capacity(9);
    for i in 0..9 {
        v.push(i * 10);
    }
    println!("len {} capacity {}", v.len(), v.capacity());
}
