fn first(xs: &[u64]) -> u64 {
    xs[0]
}

fn main() {
    let arr = [5u64, 6, 7];
    println!("{}", first(&arr[1..]));
    let k = 4;
    let s = &arr[k..];
    println!("{:?}", s);
}
