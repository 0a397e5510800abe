#[derive(Debug, Clone, Copy)]
struct Point {
    x: i64,
    y: i64,
}

fn make(x: i64) -> Box<Point> {
    Box::new(Point { x, y: x * 2 })
}

fn sum(b: Box<Point>) -> i64 {
    (*b).x + (*b).y
}

fn main() {
    let mut a = Box::new(5);
    println!("{} {:?}", a, a);
    *a += 10;
    println!("{}", *a + 1);
    let p = make(3);
    println!("{:?}", p);
    println!("{:#?}", p);
    let q = *p;
    println!("{}", q.x);
    println!("{}", sum(p));
    let o: Option<Box<i32>> = None;
    println!("{}", std::mem::size_of::<Box<Point>>());
    println!("{}", std::mem::size_of::<Option<Box<Point>>>());
    let _ = o;
    println!("end");
}
