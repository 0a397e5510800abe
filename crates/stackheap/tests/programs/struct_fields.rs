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

fn make(x: i32, y: i32) -> Point {
    Point { x, y }
}

fn length_x(l: Line) -> i32 {
    l.end.x - l.start.x
}

fn main() {
    let mut p = Point { x: 1, y: 2 };
    p.x = 3;
    p.y += 10;
    p.y *= 2;
    println!("{} {}", p.x, p.y);
    let q = p;
    println!("{} {}", p.x, q.y);
    let mut line = Line { start: p, end: make(7, 8) };
    line.start.x = -100;
    line.end.y -= 1;
    println!("{} {} {} {}", line.start.x, line.start.y, line.end.x, line.end.y);
    let r = Point { y: 5, ..p };
    println!("{} {}", r.x, r.y);
    let c = r.clone();
    println!("{}", c.x + c.y);
    println!("{}", length_x(line));
    println!("{}", make(4, 5).y);
}
