// error[E0382] 14:17: use of partially moved value: `o.inner`
struct Inner {
    label: String,
}

struct Outer {
    inner: Inner,
    note: String,
}

fn main() {
    let o = Outer { inner: Inner { label: String::from("x") }, note: String::new() };
    let label = o.inner.label;
    let inner = o.inner;
    println!("{} {}", label, o.note);
    let _ = inner;
}
