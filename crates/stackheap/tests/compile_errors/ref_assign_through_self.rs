// error[E0594] 7:9: cannot assign to `self.x`, which is behind a `&` reference
struct P {
    x: i32,
}
impl P {
    fn reset(&self) {
        self.x = 0;
    }
}
fn main() {
    let p = P { x: 1 };
    p.reset();
    println!("{}", p.x);
}
