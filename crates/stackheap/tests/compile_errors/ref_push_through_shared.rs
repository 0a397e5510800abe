// error[E0596] 3:5: cannot borrow `*v` as mutable, as it is behind a `&` reference
fn add(v: &Vec<i32>) {
    v.push(1);
}
fn main() {
    let mut v = vec![1];
    add(&v);
    println!("{:?}", v);
}
