// error[E0425] 3:20: cannot find value `y` in this scope
fn main() {
    println!("{}", y);
}
