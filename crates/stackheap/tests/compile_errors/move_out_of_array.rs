// error[E0508] 4:13: cannot move out of type `[String; 2]`, a non-copy array
fn main() {
    let a = [String::from("a"), String::from("b")];
    let s = a[0];
}
