// error[E0597] 7:13: `x` does not live long enough
fn main() {
    let a = 1;
    let mut r = &a;
    {
        let x = 5;
        r = &x;
    }
    println!("{}", r);
}
