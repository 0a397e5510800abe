#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
}

fn sum(xs: &[i64]) -> i64 {
    let mut t = 0;
    for x in xs {
        t += *x;
    }
    t
}

fn main() {
    let v = vec![3, 1, 4, 1, 5];
    for x in &v {
        println!("{x}");
    }
    let mut best = 0;
    for x in v.iter() {
        if *x > best {
            best = *x;
        }
    }
    println!("best {best}");
    let arr = [7i64, 8, 9];
    println!("{}", sum(&arr));
    println!("{}", sum(&arr[1..]));
    for a in arr.iter() {
        print!("{} ", a + 1);
    }
    println!();
    let ps = vec![P { x: 1 }, P { x: 2 }];
    for p in &ps {
        println!("{:?} {}", p, p.x);
    }
    let s = &v[1..4];
    for x in s {
        print!("{x},");
    }
    println!();
    for x in s.iter() {
        print!("{x};");
    }
    println!();
    println!("{}", v.len());
}
