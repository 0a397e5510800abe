#[derive(Debug, Clone, Copy, PartialEq)]
struct P {
    x: i32,
    y: i8,
}

#[derive(PartialEq)]
struct Tag(u8, bool);

fn add_refs(a: &i32, b: &i32) -> i32 {
    a + b
}

fn main() {
    let a = P { x: 1, y: -1 };
    let b = P { x: 1, y: -1 };
    let c = P { x: 2, ..a };
    println!("{} {} {} {}", a == b, a != b, a == c, a != c);
    println!("{} {}", Tag(1, true) == Tag(1, true), Tag(1, true) == Tag(1, false));
    println!("{} {}", (1, 2u8) == (1, 2), [a, b] == [b, c]);
    let x = 5;
    let y = 7;
    let rx = &x;
    let ry = &y;
    println!("{} {} {} {}", rx + ry, rx * 2, 10 - ry, add_refs(&x, &y));
    println!("{} {} {}", rx < ry, rx == ry, *rx == 5);
    let mut total = 0;
    total += rx;
    total += *ry;
    println!("{}", total);
}
