// error[E0506] 6:5: cannot assign to `b.x` because it is borrowed
struct S { x: i32, v: Vec<i32> }
fn main() {
    let mut b = Box::new(S { x: 1, v: vec![1] });
    let r = &b.x;
    b.x = 3;
    println!("{}", r);
}
