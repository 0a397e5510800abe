// error[E0502] 5:13: cannot borrow `o` as mutable because it is also borrowed as immutable
fn main() {
    let mut o = Some(String::from("x"));
    let r = o.as_ref();
    let t = o.take();
    println!("{:?} {:?}", r, t);
}
