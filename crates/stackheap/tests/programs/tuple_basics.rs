fn min_max(a: i32, b: i32) -> (i32, i32) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

fn main() {
    let t = (1, true, 300u16);
    println!("{:?} {} {} {}", t, t.0, t.1, t.2);
    let mm = min_max(9, 4);
    println!("{:?} {}", mm, mm.0 + mm.1);
    let mut pair = (5u8, -5i64);
    pair.0 += 1;
    pair.1 = pair.1 * 3;
    println!("{:?} {:#?}", pair, pair);
    let nested = ((1, 2), [3, 4]);
    println!("{:?} {}", nested, (nested.0).1 + nested.1[0]);
    let single = (7,);
    println!("{:?} {:#?}", single, single);
}
