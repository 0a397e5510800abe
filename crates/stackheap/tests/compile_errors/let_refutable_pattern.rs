// error[E0005] 4:9: refutable pattern in local binding
fn main() {
    let o = Some(3);
    let Some(x) = o;
    println!("{}", x);
}
