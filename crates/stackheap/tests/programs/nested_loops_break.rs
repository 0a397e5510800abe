// break and continue act on the innermost loop only.
fn main() {
    for i in 0..4 {
        let mut j = 0;
        loop {
            if j > i {
                break;
            }
            if j == 1 {
                j += 1;
                continue;
            }
            print!("{i}{j} ");
            j += 1;
        }
        if i == 2 {
            continue;
        }
        println!("| end of row {i}");
    }
    println!();
    let mut found = 0;
    for a in 1..20 {
        for b in a..20 {
            if a * a + b * b == 13 * 13 {
                found = a * 100 + b;
                break;
            }
        }
        if found != 0 {
            break;
        }
    }
    println!("found {found}");
}
