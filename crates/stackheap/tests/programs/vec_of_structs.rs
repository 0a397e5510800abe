#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: i32,
    y: i16,
}

impl Point {
    fn norm1(&self) -> i32 {
        self.x.abs() + self.y as i32
    }
}

fn farthest(pts: &Vec<Point>) -> Point {
    let mut best = pts[0];
    for i in 1..pts.len() {
        if pts[i].norm1() > best.norm1() {
            best = pts[i];
        }
    }
    best
}

fn main() {
    let mut pts = vec![Point { x: 1, y: 2 }, Point { x: -5, y: 1 }];
    println!("{} {} {:?}", pts.len(), pts.capacity(), pts);
    pts.push(Point { x: 3, y: 3 });
    println!("{} {}", pts.len(), pts.capacity());
    pts[0].x = 10;
    pts[1] = Point { x: 0, y: 0 };
    println!("{:?}", pts);
    println!("{:#?}", pts[2]);
    println!("{:?} {}", farthest(&pts), pts[2].norm1());
    let mut pairs: Vec<(u8, bool)> = Vec::new();
    for i in 0..5 {
        pairs.push((i, i % 2 == 0));
    }
    println!("{:?} {}", pairs, pairs.capacity());
    println!("{:#?}", pairs[1]);
    let grid = vec![[1u8, 2], [3, 4]];
    println!("{:?} {}", grid, grid[1][0]);
    println!("{}", pts[0] == Point { x: 10, y: 2 });
    println!("{:#?}", vec![Point { x: 7, y: 8 }]);
}
