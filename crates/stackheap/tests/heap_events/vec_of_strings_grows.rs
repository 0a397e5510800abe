// A Vec of Strings grows by allocating a new block, copying, and freeing the old one.
fn main() {
    let mut names = Vec::new();
    for i in 0..5 {
        let mut s = String::new();
        s.push_str("n");
        s.push_str(&i.to_string());
        names.push(s);
    }
    println!("{:?}", names);
}
