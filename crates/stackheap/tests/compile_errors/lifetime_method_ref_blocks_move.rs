// error[E0505] 10:13: cannot move out of `v` because it is borrowed
struct Holder<'a> { r: &'a Vec<i32> }
impl<'a> Holder<'a> {
    fn get(&self) -> &'a Vec<i32> { self.r }
}
fn main() {
    let v = vec![1];
    let h = Holder { r: &v };
    let g = h.get();
    let w = v;
    println!("{:?} {:?}", g, w);
}
