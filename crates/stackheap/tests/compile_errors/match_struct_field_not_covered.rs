// error[E0004] 9:11: non-exhaustive patterns: `Point { x: i32::MIN..=-1_i32, y: i32::MIN..=-1_i32 }`, `Point { x: i32::MIN..=-1_i32, y: 1_i32..=i32::MAX }`, `Point { x: 1_i32..=i32::MAX, y: i32::MIN..=-1_i32 }` and 1 more not covered
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let p = Point { x: 1, y: 2 };
    match p {
        Point { x: 0, y: 0 } => println!("origin"),
        Point { x: _, y: 0 } => println!("on the x axis"),
    }
    println!("{}", p.x);
}
