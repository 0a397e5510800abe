// Reads that rustc accepts next to a mutable walk: a disjoint field through `&mut self`,
// the Vec and the reference once the walk is over, and a `ref` binding through a reference
// read before the value is changed.
struct Counter {
    items: Vec<i32>,
    steps: u32,
}

impl Counter {
    fn bump(&mut self) {
        for x in self.items.iter_mut() {
            *x += 1;
            println!("step {}", self.steps);
        }
        self.steps += 1;
    }
}

fn main() {
    let mut c = Counter { items: vec![1, 2], steps: 0 };
    c.bump();
    let mut v = vec![1, 2, 3];
    let r = &mut v;
    for x in r.iter_mut() {
        *x *= 2;
    }
    println!("{:?} {r:?}", r);
    for x in &mut v {
        *x += 1;
    }
    println!("{v:?} {:?}", c.items);
    let mut o = Some(String::from("abc"));
    let m = &mut o;
    if let Some(ref t) = *m {
        println!("{t}");
    }
    *m = None;
    match m {
        Some(ref t) => println!("{t}"),
        None => println!("none"),
    }
    println!("{:?}", o);
}
