// stackheap: mode=manual
// A reference to a local read after its function returned: stack-use-after-return.
fn make() -> &'static i32 {
    let x: i32 = 7;
    let r = &x;
    r
}
fn main() {
    let r = make();
    let y = *r;
    println!("{}", y);
}
