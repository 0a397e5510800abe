fn main() {
    let a = [1, 2, 3];
    let mut i = 0;
    while i < 5 {
        println!("{}", a[i]);
        i += 1;
    }
}
