// error[E0506] 7:13: cannot assign to `*r` because it is borrowed
fn main() {
    let mut o = Some(String::from("abc"));
    let r = &mut o;
    match r {
        Some(ref t) => {
            *r = None;
            println!("{}", t);
        }
        None => {}
    }
}
