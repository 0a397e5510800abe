// A `let` that slices a temporary keeps the temporary to the end of the block.
fn words() -> String {
    String::from("alpha beta")
}

fn main() {
    let s = &String::from("hello")[1..];
    let v = &vec![1, 2, 3][..2];
    let w = &words()[6..];
    println!("{s} {:?} {w}", v);
}
