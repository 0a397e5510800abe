#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
    y: i32,
}

fn main() {
    let a = [3, 1, 4, 1, 5];
    let mut total = 0;
    for x in a {
        total += x;
    }
    println!("{} {:?}", total, a);
    let pts = [P { x: 1, y: 2 }, P { x: 3, y: 4 }];
    for p in pts {
        println!("{:?} {}", p, p.x * p.y);
    }
    for mut b in [true, false] {
        b = !b;
        println!("{}", b);
    }
    let mut count = 0;
    for v in [10u8; 4] {
        if v == 10 {
            count += 1;
            continue;
        }
        break;
    }
    println!("{}", count);
}
