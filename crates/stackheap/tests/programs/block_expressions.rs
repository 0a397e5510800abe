// Blocks are expressions: their value is the tail expression.
fn main() {
    let a = {
        let b = 3;
        let c = 4;
        b * b + c * c
    };
    println!("a = {a}");
    let d = {
        let e = { 10 };
        { e + 1 }
    } * 2;
    println!("d = {d}");
    let f: i64 = {
        let mut acc = 0;
        for i in 1..=4 {
            acc += i;
        }
        acc
    };
    println!("f = {f}");
    let g = { 7 } + { 8 };
    println!("g = {g}");
}
