// error[E0005] 4:9: refutable pattern in local binding
fn main() {
    let b = Box::new(Some(3));
    let Some(x) = *b;
    println!("{}", x);
}
