// Indexing an empty Vec: "the len is 0 but the index is 0".
fn main() {
    let mut v: Vec<i64> = Vec::new();
    v.push(1);
    println!("{}", v[0]);
    let w: Vec<i64> = Vec::new();
    let k = w.len();
    println!("len {k}");
    println!("{}", w[k]);
}
