// error[E0507] 4:11: cannot move out of a shared reference
fn main() {
    let opt = Some(String::from("a"));
    match &opt {
        Some(mut s) => s.push('b'),
        None => {}
    }
}
