struct Counter {
    n: u8,
}

impl Counter {
    fn tick(&mut self) {
        self.n += 100;
    }
}

fn main() {
    let mut c = Counter { n: 0 };
    c.tick();
    println!("{}", c.n);
    c.tick();
    println!("{}", c.n);
    c.tick();
    println!("{}", c.n);
}
