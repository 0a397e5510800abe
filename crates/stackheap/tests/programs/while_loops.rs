// while loops, including one whose condition is false at the start.
fn main() {
    let mut n = 5;
    while n > 0 {
        print!("{n} ");
        n -= 1;
    }
    println!("liftoff");

    let mut never = 0;
    while never > 0 {
        never += 1;
    }
    println!("never = {never}");

    let mut a: u64 = 1;
    let mut count = 0;
    while a < 1_000_000 {
        a *= 7;
        count += 1;
    }
    println!("{a} after {count} steps");

    let mut i = 0;
    while i < 3 {
        let mut j = 0;
        while j < i {
            print!("({i},{j})");
            j += 1;
        }
        i += 1;
    }
    println!();
}
