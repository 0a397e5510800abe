// error[E0502] 6:5: cannot borrow `b.v` as mutable because it is also borrowed as immutable
struct S { x: i32, v: Vec<i32> }
fn main() {
    let mut b = Box::new(S { x: 1, v: vec![1] });
    let first = &b.v[0];
    b.v.push(2);
    println!("{}", first);
}
