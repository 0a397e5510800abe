// `v.len() - 1` on an empty Vec is a usize subtraction that overflows.
fn last_index(v: Vec<u8>) -> usize {
    v.len() - 1
}

fn main() {
    println!("{}", last_index(vec![4, 5, 6]));
    let empty: Vec<u8> = Vec::new();
    println!("{}", last_index(empty));
}
