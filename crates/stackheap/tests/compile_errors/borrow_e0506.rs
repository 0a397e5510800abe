// error[E0506] 5:5: cannot assign to `x` because it is borrowed
fn main() {
    let mut x = 5;
    let r = &x;
    x = 6;
    println!("{} {}", r, x);
}
