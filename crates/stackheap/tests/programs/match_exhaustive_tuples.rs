// Matches that cover every value without a final `_`: tuples of bools, integers with
// wildcards, Options, structs, full integer ranges, nested `|` patterns.
#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

struct Flags(bool, Option<bool>);

fn both(a: bool, b: bool) -> &'static str {
    match (a, b) {
        (true, true) => "both",
        (true, false) => "only a",
        (false, _) => "not a",
    }
}

fn axis(x: i32, y: i32) -> &'static str {
    match (x, y) {
        (0, _) => "on the y axis",
        (_, 0) => "on the x axis",
        _ => "elsewhere",
    }
}

fn pair(p: (Option<u8>, Option<u8>)) -> u32 {
    match p {
        (Some(a), Some(b)) => a as u32 + b as u32,
        (Some(a), None) => a as u32,
        (None, Some(b)) => b as u32 * 10,
        (None, None) => 0,
    }
}

fn byte_class(b: u8) -> &'static str {
    match b {
        0..=31 => "control",
        32..=126 => "printable",
        127 => "delete",
        128..=u8::MAX => "high",
    }
}

fn sign(n: i8) -> i8 {
    match n {
        i8::MIN..=-1 => -1,
        0 => 0,
        1..=i8::MAX => 1,
    }
}

fn place(p: &Point) -> String {
    let copy = Point { x: p.x, y: p.y };
    match copy {
        Point { x: 0, y: 0 } => String::from("origin"),
        Point { x: 0, .. } => String::from("x is zero"),
        Point { y: 0, .. } => String::from("y is zero"),
        Point { .. } => format!("{:?}", copy),
    }
}

fn flags(f: Flags) -> u8 {
    match f {
        Flags(_, None) => 0,
        Flags(true, Some(_)) => 1,
        Flags(false, Some(true)) => 2,
        Flags(false, Some(false)) => 3,
    }
}

fn small(o: Option<i32>) -> &'static str {
    match o {
        Some(1 | 2 | 3) => "small",
        Some(i32::MIN..=0) => "not positive",
        Some(4..) => "big",
        None => "nothing",
    }
}

fn nested(t: (bool, (bool, bool))) -> u8 {
    match t {
        (true, (true, _)) => 1,
        (true, (false, true)) => 2,
        (true, (false, false)) => 3,
        (false, (_, true) | (true, false)) => 4,
        (false, (false, false)) => 5,
    }
}

fn main() {
    for a in [true, false] {
        for b in [true, false] {
            println!("{} {} -> {}", a, b, both(a, b));
        }
    }
    println!("{} / {} / {}", axis(0, 5), axis(3, 0), axis(2, 2));
    println!("{} {} {} {}", pair((Some(1), Some(2))), pair((Some(7), None)), pair((None, Some(3))), pair((None, None)));
    for b in [0u8, 65, 127, 200] {
        println!("{} is {}", b, byte_class(b));
    }
    println!("{} {} {}", sign(-100), sign(0), sign(i8::MAX));
    let points = [(0, 0), (0, 4), (4, 0), (4, 5)];
    for xy in points {
        let p = Point { x: xy.0, y: xy.1 };
        println!("{}", place(&p));
    }
    println!(
        "{} {} {} {}",
        flags(Flags(true, None)),
        flags(Flags(true, Some(false))),
        flags(Flags(false, Some(true))),
        flags(Flags(false, Some(false)))
    );
    println!("{} {} {} {}", small(Some(2)), small(Some(-4)), small(Some(40)), small(None));
    let mut codes = Vec::new();
    for a in [true, false] {
        for b in [true, false] {
            for c in [true, false] {
                codes.push(nested((a, (b, c))));
            }
        }
    }
    println!("{:?}", codes);
}
