// Deref coercion of references at arguments, annotated `let`s and returned values:
// `&String`, `&&str`, `&Box<String>` as `&str`; `&Vec<T>` and `&[T; N]` as `&[T]`; `&mut Vec<T>`,
// `&mut [T; N]` as `&mut [T]`; `&Box<T>`, `&&T`, `&mut T` as `&T`.
struct Point {
    x: i32,
    y: i32,
}

fn show(s: &str) -> usize {
    println!("[{s}]");
    s.len()
}

fn sum(v: &[i32]) -> i32 {
    let mut t = 0;
    for x in v {
        t += x;
    }
    t
}

fn norm(p: &Point) -> i32 {
    p.x * p.x + p.y * p.y
}

fn first(s: &String) -> &str {
    s
}

fn zero_first(v: &mut [i32]) {
    v[0] = 0;
    let n = v.len();
    v[n - 1] += 100;
}

fn double_all(v: &mut [i32]) {
    let mut i = 0;
    while i < v.len() {
        v[i] *= 2;
        i += 1;
    }
}

fn by_ref(n: &i32) -> i32 {
    *n + 1
}

fn main() {
    let owned = String::from("hello");
    let r: &str = &owned;
    println!("{} {}", r, show(&owned));
    let lit = "abc";
    println!("{}", show(&lit));
    let bs = Box::new(String::from("boxed"));
    println!("{}", show(&bs));
    let v = vec![1, 2, 3];
    let s: &[i32] = &v;
    println!("{} {}", sum(&v), sum(s));
    let arr = [4, 5, 6];
    println!("{}", sum(&arr));
    let bp = Box::new(Point { x: 3, y: 4 });
    println!("{}", norm(&bp));
    let p = Point { x: 1, y: 1 };
    let rp = &p;
    println!("{}", norm(&rp));
    let mut m = Point { x: 2, y: 2 };
    let mm = &mut m;
    println!("{}", norm(mm));
    println!("{}", first(&owned));
    let mut w = vec![5, 6, 7];
    zero_first(&mut w);
    double_all(&mut w);
    println!("{:?}", w);
    let mut a = [1, 2, 3, 4];
    double_all(&mut a);
    zero_first(&mut a[1..3]);
    println!("{:?}", a);
    let x = 41;
    let rx = &x;
    println!("{}", by_ref(&rx));
    let ms: &mut [i32] = &mut w;
    ms[1] = 9;
    println!("{:?} {} {}", ms, ms.len(), ms.is_empty());
    println!("{:?}", w);
}
