fn checked_half(n: i32) -> Option<i32> {
    if n % 2 == 0 {
        Some(n / 2)
    } else {
        None
    }
}

fn main() {
    let vals = [8, 6, 5];
    for v in vals {
        let r = match checked_half(v) {
            Some(h) => match checked_half(h) {
                Some(q) => q,
                None => -h,
            },
            None => 0,
        };
        println!("{v} -> {r}");
    }
    let nested: Option<Option<u8>> = Some(None);
    match nested {
        Some(Some(x)) => println!("x {x}"),
        Some(None) => println!("inner none"),
        None => println!("outer none"),
    }
    let none: Option<i32> = None;
    let pair = (Some(1), none);
    match pair {
        (Some(a), Some(b)) => println!("{}", a + b),
        (Some(a), None) => println!("only {a}"),
        _ => println!("other"),
    }
}
