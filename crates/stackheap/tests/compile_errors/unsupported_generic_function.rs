// unsupported 3:12: a generic function is not supported yet
// errors 1
fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T {
    let mut m = xs[0];
    for &x in xs {
        if x > m {
            m = x;
        }
    }
    m
}

fn main() {
    let v = vec![3, 9, 4];
    println!("{}", largest(&v));
}
