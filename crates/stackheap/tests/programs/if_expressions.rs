// if/else as an expression, chained else-if, and if without else as a statement.
fn sign(x: i32) -> i32 {
    if x > 0 {
        1
    } else if x < 0 {
        -1
    } else {
        0
    }
}

fn classify(n: u32) -> u32 {
    let size = if n < 10 { 1 } else if n < 100 { 2 } else { 3 };
    size
}

fn main() {
    println!("{} {} {}", sign(-5), sign(0), sign(42));
    println!("{} {} {}", classify(7), classify(42), classify(420));
    let x = 15;
    let y = if x % 2 == 0 { x / 2 } else { 3 * x + 1 };
    println!("{y}");
    if y > 40 {
        println!("big");
    }
    let z = 1 + if x > 10 { 100 } else { 200 };
    println!("{z}");
    let b = if x > 10 && x < 20 { true } else { false };
    println!("{b}");
}
