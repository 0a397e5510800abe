// `swap` with an index out of bounds panics at the method's name, as rustc's build does.
fn main() {
    let mut v = vec![1, 2, 3];
    let i = v.len();
    v.swap(0, i);
}
