#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
    y: i32,
}

fn quadrant(p: P) -> u8 {
    match p {
        P { x: 0, y: 0 } => 0,
        P { x, y } if x > 0 && y > 0 => 1,
        P { x, .. } if x < 0 => 2,
        _ => 3,
    }
}

fn main() {
    let pts = [P { x: 0, y: 0 }, P { x: 2, y: 3 }, P { x: -1, y: 5 }, P { x: 4, y: -4 }];
    for p in pts {
        print!("{} ", quadrant(p));
    }
    println!();
    let t = (3, false);
    let s = match t {
        (0, _) => 0,
        (n, true) => n,
        (n, _) => -n,
    };
    println!("{s}");
}
