// error[E0499] 8:13: cannot borrow `self.items` as mutable more than once at a time
struct Bag {
    items: Vec<i32>,
}
impl Bag {
    fn double(&mut self) {
        for x in self.items.iter_mut() {
            self.items.push(*x);
        }
    }
}
fn main() {
    let mut b = Bag { items: vec![1] };
    b.double();
}
