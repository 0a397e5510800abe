#[derive(Debug, Clone, Copy)]
struct Item {
    id: u8,
    weight: u16,
}

fn heaviest(items: &[Item]) -> Item {
    let mut best = items[0];
    for it in items {
        if it.weight > best.weight {
            best = *it;
        }
    }
    best
}

fn main() {
    let mut items = [
        Item { id: 1, weight: 30 },
        Item { id: 2, weight: 70 },
        Item { id: 3, weight: 50 },
    ];
    println!("{:?}", heaviest(&items));
    items[2].weight += 100;
    println!("{:?}", heaviest(&items));
    let mut total = 0;
    for it in items.iter() {
        total += it.weight;
    }
    println!("total {total} size {}", std::mem::size_of::<[Item; 3]>());
}
