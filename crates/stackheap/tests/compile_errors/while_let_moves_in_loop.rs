// error[E0382] 7:20: use of moved value
struct Node {
    value: i32,
}
fn main() {
    let cur = Some(Box::new(Node { value: 1 }));
    while let Some(n) = cur {
        println!("{}", n.value);
    }
}
