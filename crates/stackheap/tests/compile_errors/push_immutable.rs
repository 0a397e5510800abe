// error[E0596] 4:5: cannot borrow `v` as mutable, as it is not declared as mutable
fn main() {
    let v = vec![1];
    v.push(2);
    println!("{:?}", v);
}
