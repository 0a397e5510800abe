// error[E0596] 12:5: cannot borrow `c` as mutable, as it is not declared as mutable
struct C {
    n: u32,
}
impl C {
    fn inc(&mut self) {
        self.n += 1;
    }
}
fn main() {
    let c = C { n: 0 };
    c.inc();
    println!("{}", c.n);
}
