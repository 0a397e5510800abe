// error[E0381] 4:20: used binding `x` isn't initialized
fn main() {
    let x: i32;
    println!("{}", x);
}
