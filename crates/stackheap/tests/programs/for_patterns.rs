// Patterns in `for`: `.enumerate()` of ranges, `&v`, `.iter()`, `.into_iter()` and `chars()`,
// tuples by reference and by value, `&x` and `&(a, b)` patterns, struct patterns, and
// Vecs walked by value (each element moved out in turn; after a `break` the rest dropped).
#[derive(Debug, Clone, Copy)]
struct Point { x: i32, y: i32 }
fn main() {
    let v = vec![10, 20, 30];
    for (i, x) in v.iter().enumerate() {
        println!("{} {}", i, x);
    }
    for (i, x) in (5..8).enumerate() {
        println!("r {} {}", i, x);
    }
    let arr = [1u8, 2, 3];
    for (i, b) in arr.iter().enumerate() {
        println!("a {} {}", i, b);
    }
    for (i, b) in arr.into_iter().enumerate() {
        println!("av {} {}", i, b);
    }
    for (i, c) in "héllo".chars().enumerate() {
        print!("{}:{} ", i, c);
    }
    println!();
    let pairs = vec![(1, 'a'), (2, 'b')];
    for (n, c) in &pairs {
        println!("ref {} {}", n, c);
    }
    for &(n, c) in &pairs {
        println!("copy {} {}", n, c);
    }
    let tarr = [(3, true), (4, false)];
    for (n, flag) in tarr {
        println!("{} {}", n, flag);
    }
    for &x in &v {
        println!("x {}", x + 1);
    }
    let points = vec![Point { x: 1, y: 2 }, Point { x: 3, y: 4 }];
    for Point { x, y } in &points {
        println!("p {} {}", x, y);
    }
    for (i, p) in points.iter().enumerate() {
        println!("{} {:?}", i, p);
    }
    for (n, c) in pairs {
        println!("owned {} {}", n, c);
    }
    let names = vec![String::from("Ada"), String::from("Bo"), String::from("Cy")];
    for name in names {
        if name == "Cy" {
            break;
        }
        println!("hi {}", name);
    }
    let people = vec![(String::from("Ann"), 30), (String::from("Ben"), 40), (String::from("Cat"), 50)];
    for (name, age) in people {
        if age > 40 {
            break;
        }
        println!("{} is {}", name, age);
    }
    let words = vec![String::from("x"), String::from("yy")];
    for (i, w) in words.into_iter().enumerate() {
        println!("{} {}", i, w);
    }
}
