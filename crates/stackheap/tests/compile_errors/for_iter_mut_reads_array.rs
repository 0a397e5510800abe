// error[E0503] 5:17: cannot use `a[_]` because it was mutably borrowed
fn main() {
    let mut a = [1, 2, 3];
    for x in a.iter_mut() {
        let y = a[0];
        *x += y;
    }
}
