// error[E0502] 6:9: cannot borrow `*r` as mutable because it is also borrowed as immutable
fn main() {
    let mut o = Some(String::from("abc"));
    let r = &mut o;
    if let Some(ref t) = *r {
        r.take();
        println!("{}", t);
    }
}
