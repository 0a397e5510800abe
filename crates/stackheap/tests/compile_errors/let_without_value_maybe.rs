// error[E0381] 5:20: used binding `x` is possibly-uninitialized
fn main() {
    let x;
    if true { x = 1; }
    println!("{}", x);
}
