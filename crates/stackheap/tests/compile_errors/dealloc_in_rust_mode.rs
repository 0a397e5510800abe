// error[E0425] 4:5: cannot find function `dealloc` in this scope
fn main() {
    let v = vec![1, 2, 3];
    dealloc(v);
}
