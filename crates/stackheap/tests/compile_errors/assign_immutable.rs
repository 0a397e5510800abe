// error[E0384] 4:5: cannot assign twice to immutable variable `x`
fn main() {
    let x = 1;
    x = 2;
    println!("{}", x);
}
