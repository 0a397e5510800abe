// Calls nested inside arguments and inside other functions' bodies.
fn square(x: i64) -> i64 {
    x * x
}

fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn hyp2(a: i64, b: i64) -> i64 {
    add(square(a), square(b))
}

fn twice(x: i64) -> i64 {
    add(x, x)
}

fn main() {
    println!("{}", hyp2(3, 4));
    println!("{}", square(add(2, twice(3))));
    println!("{}", add(add(add(1, 2), add(3, 4)), square(square(2))));
    let n = twice(hyp2(5, 12));
    println!("{n}");
}
