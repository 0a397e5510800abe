// error[E0507] 4:15: cannot move out of a shared reference
fn main() {
    let names = vec![String::from("Ada")];
    for &s in &names {
        println!("{}", s);
    }
}
