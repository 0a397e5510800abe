// error[E0596] 7:10: cannot borrow `n` as mutable, as it is not declared as mutable
fn bump(n: &mut i32) {
    *n += 1;
}
fn main() {
    let n = 1;
    bump(&mut n);
    println!("{}", n);
}
