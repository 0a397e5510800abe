// error[E0382] 8:17: use of moved value: `v`
fn consume(v: Vec<i32>) -> usize {
    v.len()
}
fn main() {
    let v = vec![1];
    for _ in 0..2 {
        consume(v);
    }
}
