// error[E0005] 4:9: refutable pattern in `for` loop binding
fn main() {
    let flags = vec![(1, true), (2, false)];
    for (n, true) in flags {
        println!("{}", n);
    }
}
