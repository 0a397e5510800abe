// error[E0596] 7:19: cannot borrow `c.hits` as mutable, as `c` is not declared as mutable
struct Counter {
    hits: u32,
}
fn main() {
    let c = Counter { hits: 0 };
    let Counter { ref mut hits } = c;
    *hits += 1;
}
