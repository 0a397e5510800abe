// for over exclusive and inclusive ranges, empty ranges and ranges with variable bounds.
fn main() {
    for i in 0..5 {
        print!("{i} ");
    }
    println!();
    for i in 0..=5 {
        print!("{i} ");
    }
    println!();
    for i in -3..3 {
        print!("{i} ");
    }
    println!();
    for i in 5..5 {
        println!("empty exclusive {i}");
    }
    for i in 5..3 {
        println!("backwards {i}");
    }
    for i in 3..=2 {
        println!("empty inclusive {i}");
    }
    for i in 7..=7 {
        println!("single {i}");
    }
    let lo: u8 = 250;
    let hi: u8 = 255;
    for x in lo..=hi {
        print!("{x} ");
    }
    println!();
    let n = 4;
    let mut total = 0;
    for i in 1..n {
        for j in i..=n {
            total += i * j;
        }
    }
    println!("total = {total}");
}
