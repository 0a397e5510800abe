// `continue` skips the rest of the body in for, while and loop.
fn main() {
    for i in 0..10 {
        if i % 2 == 0 {
            continue;
        }
        print!("{i} ");
    }
    println!();

    let mut j = 0;
    while j < 10 {
        j += 1;
        if j % 3 != 0 {
            continue;
        }
        print!("{j} ");
    }
    println!();

    let mut k = 0;
    let mut sum = 0;
    loop {
        k += 1;
        if k > 20 {
            break;
        }
        if k % 5 == 0 {
            continue;
        }
        sum += k;
    }
    println!("sum without multiples of five: {sum}");
}
