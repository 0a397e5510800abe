// error[E0503] 5:13: cannot use `n` because it was mutably borrowed
fn main() {
    let mut n = 5;
    let r = &mut n;
    let m = n + 1;
    *r += 1;
    println!("{m}");
}
