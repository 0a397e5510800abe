// title: push: capacity doubles and the elements move
// teaches: When length reaches capacity, push allocates a bigger block, copies the old elements, writes the new one and frees the old block.
fn main() {
    let mut v: Vec<i32> = Vec::new();
    for i in 0..9 {
        v.push(i * 10);
        println!("len {} capacity {}", v.len(), v.capacity());
    }
    println!("{:?}", v);
}
