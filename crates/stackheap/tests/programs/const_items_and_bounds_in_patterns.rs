// `const` items (integers, `bool`, `char`, `&str`, computed from literals, other constants
// and bounds) in expressions, array lengths and patterns, and `i32::MIN`, `usize::MAX`
// and friends as patterns.
const LIMIT: u32 = 10;
const SIZE: usize = 4;
const HALF: usize = SIZE / 2;
const NEG: i64 = -5;
const MASK: u8 = 1 << 3 | 1;
const ON: bool = true;
const STAR: char = '*';
const GREETING: &str = "hello";
const TOP: i32 = i32::MAX - 1;

fn classify(n: i32) -> &'static str {
    match n {
        i32::MIN => "min",
        i32::MAX => "max",
        TOP => "top",
        0 => "zero",
        i32::MIN..=-1 => "negative",
        _ => "positive",
    }
}

fn size_class(u: usize) -> &'static str {
    match u {
        0 => "empty",
        1..=HALF => "small",
        usize::MAX => "max",
        _ => "big",
    }
}

fn main() {
    for n in [i32::MIN, i32::MAX, TOP, 0, -7, 7] {
        println!("{n} {}", classify(n));
    }
    for u in [0, 2, 3, usize::MAX] {
        println!("{}", size_class(u));
    }
    let x: u32 = 12;
    match x {
        0..=LIMIT => println!("small"),
        _ => println!("large {}", LIMIT),
    }
    match 5u8 {
        u8::MIN..=9 => println!("digit"),
        u8::MAX => println!("max"),
        _ => println!("other"),
    }
    let a = [0u8; SIZE];
    let b: [i32; HALF] = [1, 2];
    println!("{} {} {:?} {} {} {}", a.len(), b.len(), b, NEG, MASK, GREETING);
    let v = vec![1; SIZE];
    let mut line = String::new();
    for i in 0..SIZE {
        line.push_str(&v[i].to_string());
        line.push(STAR);
    }
    println!("{line}");
    match NEG {
        -5 => println!("minus five"),
        _ => {}
    }
    match ON {
        ON => println!("on"),
        false => println!("off"),
    }
    match '*' {
        STAR => println!("star"),
        _ => println!("no"),
    }
    let s = String::from(GREETING);
    println!("{}", s.len() + SIZE);
}
