// error[E0507] 5:11: cannot move out of `r` as enum variant `Some` which is behind a shared reference
fn main() {
    let opt = Some(String::from("a"));
    let r = &opt;
    match *r {
        Some(s) => println!("{}", s),
        None => {}
    }
}
