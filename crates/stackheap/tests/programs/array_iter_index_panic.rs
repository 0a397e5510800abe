fn main() {
    let a = [3, 1, 4, 1, 5];
    let mut sum = 0;
    for x in a {
        sum += x;
    }
    println!("sum {sum} len {}", a.len());
    let mut i = 0;
    while i < a.len() {
        print!("{} ", a[i] * 2);
        i += 1;
    }
    println!();
    let idx = a.len() + 2;
    println!("about to index {idx}");
    let bad = a[idx - 1];
    println!("never {bad}");
}
