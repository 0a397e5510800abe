fn grade(n: u8) -> char {
    match n {
        90..=100 => 'A',
        80..=89 => 'B',
        70 | 71 | 72 => 'C',
        0..70 => 'F',
        _ => '?',
    }
}

fn sign(n: i64) -> i8 {
    match n {
        i64::MIN..=-1 => -1,
        0 => 0,
        _ => 1,
    }
}

fn main() {
    for n in [100u8, 85, 71, 73, 3, 250] {
        print!("{}", grade(n));
    }
    println!();
    println!("{} {} {}", sign(-9), sign(0), sign(i64::MAX));
    let x = 42;
    let d = match x {
        n if n % 2 == 0 => n / 2,
        n => n,
    };
    println!("{d}");
}
