// error[E0515] 4:5: cannot return reference to local variable `x`
fn pick(v: &Vec<i32>) -> &i32 {
    let x = v[0] + 1;
    &x
}

fn main() {
    let v = vec![1];
    println!("{}", pick(&v));
}
