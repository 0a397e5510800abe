#[derive(Debug, Clone, Copy)]
struct P {
    a: u8,
    b: u32,
}

fn main() {
    let mut v = vec![1, 2, 3];
    v.push(4);
    let w = v.clone();
    println!("{:?} {} {}", w, w.len(), w.capacity());
    println!("{:?} {} {}", v, v.len(), v.capacity());
    let s = String::from("hello");
    let mut t = s.clone();
    t.push_str(" world");
    println!("{s} {t} {} {}", s.capacity(), t.capacity());
    let e: Vec<u64> = Vec::new();
    let f = e.clone();
    println!("{:?} {}", f, f.capacity());
    let ps = vec![P { a: 1, b: 2 }, P { a: 3, b: 4 }];
    let qs = ps.clone();
    println!("{:?}", qs);
    let p = ps[0];
    let q = p;
    println!("{:?} {:?}", p, q);
    let r = &v;
    let x = r.clone();
    println!("{:?}", x);
}
