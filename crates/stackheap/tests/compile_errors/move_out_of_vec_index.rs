// error[E0507] 4:13: cannot move out of index of `Vec<String>`
fn main() {
    let v = vec![String::from("a")];
    let s = v[0];
}
