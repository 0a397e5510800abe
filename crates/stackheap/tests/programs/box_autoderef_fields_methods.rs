// Fields and methods reached through a Box (auto-deref), writes through it, `(*b).x`.
#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

impl Point {
    fn area(&self) -> i32 {
        self.x * self.y
    }

    fn grow(&mut self, by: i32) {
        self.x += by;
        self.y += by;
    }
}

struct Shelf {
    items: Vec<i32>,
    label: String,
}

fn total(p: &Box<Point>) -> i32 {
    p.x + p.y
}

fn main() {
    let mut b = Box::new(Point { x: 2, y: 3 });
    println!("{} {}", b.x, b.y);
    println!("area {}", b.area());
    b.x = 5;
    b.y += 1;
    b.grow(2);
    println!("{} {}", (*b).x, (*b).y);
    println!("{:?}", b);
    println!("{:#?}", b);
    println!("total {}", total(&b));
    let r = &mut b;
    r.x = 100;
    println!("{}", r.area());
    let mut s = Box::new(Shelf { items: vec![1, 2], label: String::from("a") });
    s.items.push(3);
    s.label.push_str("bc");
    s.items[0] = 10;
    println!("{:?} {} {} {}", s.items, s.items.len(), s.label, s.label.len());
    let mut v = Box::new(vec![4, 5]);
    v.push(6);
    v[1] = 50;
    println!("{:?} {} {}", v, v.len(), v[2]);
    let bb = Box::new(Box::new(Point { x: 7, y: 8 }));
    println!("{} {}", bb.x, bb.area());
}
