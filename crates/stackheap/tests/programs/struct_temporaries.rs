#[derive(Debug)]
struct Bag {
    tag: u16,
    items: Vec<u32>,
}

impl Bag {
    fn with(n: u32) -> Bag {
        let mut items = Vec::new();
        for i in 0..n {
            items.push(i * i);
        }
        Bag { tag: n as u16, items }
    }

    fn count(&self) -> usize {
        self.items.len()
    }

    fn last(&self) -> u32 {
        self.items[self.items.len() - 1]
    }
}

fn main() {
    println!("{:?}", Bag::with(3));
    println!("{}", Bag::with(5).count());
    println!("{}", Bag::with(4).items.len() + Bag::with(2).count());
    println!("{}", Bag::with(6).last());
    let b = Bag::with(2);
    let c = Bag { tag: 9, ..Bag { tag: 1, items: Vec::new() } };
    println!("{:?} {:?}", b, c.tag);
}
