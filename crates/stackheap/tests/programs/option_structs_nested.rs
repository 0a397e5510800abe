#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
    y: i32,
}

fn first_pos(v: &Vec<P>) -> Option<P> {
    for i in 0..v.len() {
        if v[i].x > 0 {
            return Some(v[i]);
        }
    }
    None
}

fn half(n: i32) -> Option<i32> {
    if n % 2 == 0 { Some(n / 2) } else { None }
}

fn get(o: Option<i32>) -> i32 {
    match o {
        Some(v) if v > 10 => v,
        Some(_) => 10,
        None => 0,
    }
}

fn main() {
    let v = vec![P { x: -1, y: 0 }, P { x: 3, y: 4 }];
    let p = first_pos(&v);
    println!("{:?}", p);
    println!("{:#?}", p);
    if let Some(P { x, y }) = p {
        println!("{x} {y}");
    }
    let nested: Option<Option<i32>> = Some(None);
    println!("{:?}", nested);
    match nested {
        Some(Some(n)) => println!("n={n}"),
        Some(None) => println!("inner none"),
        None => println!("outer none"),
    }
    println!("{:?} {:?}", half(4), half(5));
    println!("{} {} {}", get(Some(50)), get(Some(3)), get(None));
    let mut total = 0;
    let mut i = 0;
    while let Some(h) = half(i) {
        total += h;
        i += 2;
        if i > 10 {
            break;
        }
    }
    println!("{total}");
    let t = (Some(1), 2u8);
    let _ = t;
    let o = Some(3);
    let r = &o;
    println!("{} {}", r.is_some(), r.unwrap());
    let q = match o {
        Some(n) => n * 2,
        None => -1,
    };
    println!("{q}");
    let mut m = Some(5);
    m = None;
    println!("{:?}", m);
    let arr = [Some(1u8), None, Some(3)];
    println!("{:?}", arr);
}
