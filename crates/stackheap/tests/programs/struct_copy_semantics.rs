#[derive(Debug, Clone, Copy)]
struct Rgb(u8, u8, u8);

#[derive(Debug, Clone)]
struct Counter {
    hits: u32,
}

fn brighten(mut c: Rgb) -> Rgb {
    c.0 = c.0.wrapping_add(100);
    c
}

fn main() {
    let red = Rgb(200, 0, 0);
    let lighter = brighten(red);
    println!("{:?} {:?}", red, lighter);
    let a = Counter { hits: 1 };
    let mut b = a.clone();
    b.hits += 1;
    println!("{:?} {:?}", a, b);
    let moved = a;
    println!("{}", moved.hits);
    let colors = [red, lighter, Rgb(1, 2, 3)];
    println!("{:?}", colors);
}
