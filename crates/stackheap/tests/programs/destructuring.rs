#[derive(Debug, Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

struct Pair(u8, u16);

struct Named {
    label: u8,
    items: Vec<i32>,
}

fn split() -> (i32, bool) {
    (42, true)
}

fn main() {
    let t = (1, 2);
    let (a, b) = t;
    println!("{} {} {:?}", a, b, t);
    let (mut c, _) = split();
    c += 1;
    println!("{}", c);
    let p = Point { x: 3, y: 4 };
    let Point { x, y } = p;
    println!("{} {}", x, y);
    let Point { x: px, .. } = p;
    println!("{}", px);
    let Pair(first, second) = Pair(5, 6);
    println!("{} {}", first, second);
    let ((d, e), f) = ((7, 8), 9);
    println!("{} {} {}", d, e, f);
    let n = Named { label: 1, items: vec![1, 2, 3] };
    let Named { label, items } = n;
    println!("{} {:?}", label, items);
    let (v, w) = (vec![1], vec![2, 3]);
    println!("{:?} {:?}", v, w);
}
