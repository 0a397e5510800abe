// Borrows of the fields of a Box's value: disjoint fields at once, a slice of a field,
// the whole value, then the value moved out of the Box.
#[derive(Debug)]
struct Stats {
    count: i32,
    items: Vec<i32>,
    label: String,
}

fn total(v: &[i32]) -> i32 {
    let mut t = 0;
    for x in v {
        t += x;
    }
    t
}

fn main() {
    let mut b = Box::new(Stats { count: 0, items: vec![1, 2], label: String::from("s") });
    // Disjoint fields of a Box's value borrowed at once.
    let c = &mut b.count;
    let l = &b.label;
    *c += 1;
    println!("{} {}", c, l);
    let items = &mut b.items;
    b.count += 10;
    items.push(3);
    println!("{:?}", items);
    println!("{}", total(&b.items));
    let whole = &*b;
    println!("{:?}", whole);
    let s = &mut b.items[1..];
    s[0] = 20;
    println!("{:?} {}", s, b.label);
    let r = &b;
    println!("{}", r.items.len());
    let moved = *b;
    println!("{:?}", moved);
}
