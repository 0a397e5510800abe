// A plain panic! message; nothing after it runs.
fn main() {
    print!("about to panic... ");
    println!("now");
    let v = vec![1, 2];
    if v.len() == 2 {
        panic!("something went wrong");
    }
    println!("not reached");
}
