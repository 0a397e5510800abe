// error[E0384] 5:5: cannot assign twice to immutable variable `x`
fn main() {
    let x;
    x = 1;
    x = 2;
    println!("{}", x);
}
