fn largest(v: &Vec<i32>) -> &i32 {
    let mut best = &v[0];
    for x in v {
        if *x > *best {
            best = x;
        }
    }
    best
}

fn main() {
    let mut v = vec![3, 9, 2];
    let first = &v[0];
    println!("first {first}");
    v.push(4);
    let a = &v;
    let b = &v;
    println!("{} {}", a.len(), b.len());
    v.push(v.len() as i32);
    let m = &mut v;
    m.push(7);
    println!("{:?}", v);
    let mut x = 1;
    let mut r = &x;
    println!("{r}");
    let y = 10;
    r = &y;
    x += 1;
    println!("{r} {x}");
    let big = largest(&v);
    println!("{big}");
    let mut s = String::from("ab");
    let t = &mut s;
    t.push('c');
    s.push('d');
    println!("{s}");
    let moved = v;
    println!("{}", moved.len());
}
