#[derive(Debug, Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug)]
struct Line {
    start: Point,
    end: Point,
}

#[derive(Debug)]
struct Pair(u8, i64);

#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Empty {}

#[derive(Debug)]
struct Flags {
    on: bool,
    level: u8,
    big: u64,
}

fn main() {
    let p = Point { x: 3, y: -12 };
    println!("{:?}", p);
    println!("{:#?}", p);
    println!("{p:?}");
    println!("[{:5?}]", p);
    let line = Line { start: p, end: Point { x: 7, y: 8 } };
    println!("{:?}", line);
    println!("{:#?}", line);
    let pr = Pair(5, -6);
    println!("{:?} {} {}", pr, pr.0, pr.1);
    println!("{:#?}", pr);
    println!("{:?} {:#?}", Unit, Unit);
    println!("{:?}", Empty {});
    let f = Flags { on: true, level: 3, big: 1 << 40 };
    println!("{:?}", f);
    println!("{:#?}", f);
}
