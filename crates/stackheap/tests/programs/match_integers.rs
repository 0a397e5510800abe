fn describe(n: i32) -> u32 {
    match n {
        i32::MIN..=-1 => 0,
        0 => 1,
        1..=5 => 2,
        6 | 7 => 3,
        x if x > 100 => 4,
        _ => 5,
    }
}

fn main() {
    for n in -2..12 {
        println!("{n}: {}", describe(n));
    }
    println!("{}", describe(1000));
    let b = 3 > 2;
    match b {
        true => println!("yes"),
        false => println!("no"),
    }
    let big: u8 = 200;
    let kind = match big {
        0..=127 => 10,
        128..=255 => 20,
    };
    println!("{kind}");
    let word = match big {
        0..100 => 1,
        100..=199 => 2,
        _ => 3,
    };
    println!("{word}");
    let mut count = 0;
    loop {
        match count {
            3 => break,
            _ => count += 1,
        }
    }
    println!("{count}");
}
