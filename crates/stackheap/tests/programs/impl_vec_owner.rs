#[derive(Debug)]
struct Stack {
    items: Vec<i32>,
    pushes: u32,
}

impl Stack {
    fn new() -> Stack {
        Stack { items: Vec::new(), pushes: 0 }
    }

    fn push(&mut self, x: i32) {
        self.items.push(x);
        self.pushes += 1;
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn top(&self) -> i32 {
        self.items[self.items.len() - 1]
    }

    fn into_items(self) -> Vec<i32> {
        self.items
    }
}

fn total(v: &Vec<i32>) -> i32 {
    let mut s = 0;
    let mut i = 0;
    while i < v.len() {
        s += v[i];
        i += 1;
    }
    s
}

fn add_twice(v: &mut Vec<i32>, x: i32) {
    v.push(x);
    v.push(x);
}

fn bump(n: &mut i32) {
    *n += 1;
}

fn main() {
    let mut s = Stack::new();
    for i in 0..5 {
        s.push(i * 10);
    }
    println!("{} {} {} {}", s.len(), s.top(), s.pushes, s.items.capacity());
    println!("{:?}", s);
    let mut v = vec![1, 2, 3];
    println!("{}", total(&v));
    add_twice(&mut v, 7);
    println!("{:?} {}", v, total(&v));
    let mut n = 5;
    bump(&mut n);
    bump(&mut n);
    let r = &n;
    println!("{} {} {}", n, *r, r);
    let items = s.into_items();
    println!("{:?}", items);
}
