// Multiplying by 16 in a loop until the product no longer fits in i8.
fn main() {
    let mut x: i8 = 1;
    let mut n = 0;
    loop {
        println!("16^{n} = {x}");
        x = x * 16;
        n += 1;
    }
}
