// Match ergonomics: a pattern against a reference matches what it points to and binds
// references (`Some(s)` against `&Option<String>` binds `s: &String`), also through `&mut`,
// nested references and struct patterns; `match *r` on a `Copy` payload.
#[derive(Debug)]
struct Point { x: i32, y: i32 }
fn main() {
    let opt = Some(String::from("hello"));
    if let Some(s) = &opt {
        println!("{} {}", s, s.len());
    }
    match &opt {
        Some(s) => println!("some {}", s),
        None => println!("none"),
    }
    let mut n = Some(5);
    if let Some(v) = &mut n {
        *v += 10;
    }
    println!("{:?}", n);
    let pair = (String::from("a"), 3);
    let (a, b) = &pair;
    println!("{} {}", a, b);
    let p = Point { x: 1, y: 2 };
    let r = &p;
    match r {
        Point { x: 0, .. } => println!("zero"),
        Point { x, y } => println!("{} {}", x, y),
    }
    let o2: Option<Point> = Some(Point { x: 7, y: 8 });
    match &o2 {
        Some(Point { x, y: 8 }) => println!("x={}", x),
        Some(q) => println!("{:?}", q),
        None => {}
    }
    let nested = Some((1, String::from("z")));
    if let Some((k, name)) = &nested {
        println!("{} {}", k, name);
    }
    let ro = &opt;
    let rr = &ro;
    if let Some(s) = rr {
        println!("deep {}", s);
    }
    let four = Some(4);
    let refopt: &Option<i32> = &four;
    match *refopt {
        Some(v) => println!("{}", v),
        None => {}
    }
}
