// error[E0308] 3:25: mismatched types
fn main() {
    let a: Option<u8> = None::<i32>;
}
