// error[E0382] 14:20: borrow of moved value: `b`
struct Bag {
    items: Vec<i32>,
}
impl Bag {
    fn into_items(self) -> Vec<i32> {
        self.items
    }
}
fn main() {
    let b = Bag { items: vec![1] };
    let v = b.into_items();
    println!("{:?}", v);
    println!("{}", b.items.len());
}
