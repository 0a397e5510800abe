// error[E0506] 5:5: cannot assign to `a[_]` because it is borrowed
fn main() {
    let mut a = [1, 2, 3];
    let first = &a[0];
    a[1] = 5;
    println!("{first}");
}
