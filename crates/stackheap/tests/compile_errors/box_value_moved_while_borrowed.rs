// error[E0505] 6:13: cannot move out of `*b` because it is borrowed
struct S { x: i32, v: Vec<i32> }
fn main() {
    let b = Box::new(S { x: 1, v: vec![1] });
    let r = &b.v;
    let s = *b;
    println!("{:?} {}", r, s.x);
}
