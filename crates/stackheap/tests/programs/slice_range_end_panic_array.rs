fn total(s: &[u16]) -> u16 {
    let mut t = 0;
    for x in s {
        t += x;
    }
    t
}

fn main() {
    let v = vec![10u16, 20, 30, 40, 50];
    let mid = &v[1..4];
    println!("{:?} len {} total {}", mid, mid.len(), total(mid));
    let head = &v[..2];
    let tail = &v[3..];
    println!("{:?} {:?}", head, tail);
    let inner = &mid[1..];
    println!("{:?} {}", inner, inner[0]);
    let a = [1u16, 2, 3];
    println!("{}", total(&a[..]));
    let end = v.len() + 1;
    let bad = &v[2..end];
    println!("never {:?}", bad);
}
