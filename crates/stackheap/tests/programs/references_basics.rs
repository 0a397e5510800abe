#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
    y: i32,
}

fn largest(v: &Vec<i32>) -> i32 {
    let mut best = v[0];
    for i in 1..v.len() {
        if v[i] > best {
            best = v[i];
        }
    }
    best
}

fn fill(v: &mut Vec<i32>, n: i32) {
    for i in 0..n {
        v.push(i * 3 % 7);
    }
}

fn swap_xy(p: &mut P) {
    let t = p.x;
    p.x = p.y;
    p.y = t;
}

fn sum_xy(p: &P) -> i32 {
    p.x + p.y
}

fn main() {
    let mut v = Vec::new();
    fill(&mut v, 6);
    println!("{:?} {}", v, largest(&v));
    let mut p = P { x: 1, y: 2 };
    swap_xy(&mut p);
    println!("{:?} {}", p, sum_xy(&p));
    let r = &p;
    let rr = &r;
    println!("{} {:?} {}", r.x, *r, rr.y);
    let mut n = 10u8;
    let m = &mut n;
    *m += 5;
    *m = *m * 2;
    println!("{}", n);
    let q = &mut p;
    q.x = 100;
    println!("{:?} {}", p, std::mem::size_of::<&P>());
}
