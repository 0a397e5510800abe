// Reading past the end: "index out of bounds: the len is 3 but the index is 5".
fn get(v: Vec<i32>, i: usize) -> i32 {
    v[i]
}

fn main() {
    let v = vec![10, 20, 30];
    println!("{}", v[2]);
    let w = vec![1, 2, 3];
    println!("{}", get(w, 5));
}
