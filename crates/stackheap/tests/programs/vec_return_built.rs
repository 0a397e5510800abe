// Functions that build a Vec and return it.
fn range_vec(lo: i32, hi: i32) -> Vec<i32> {
    let mut v: Vec<i32> = Vec::new();
    let mut i = lo;
    while i < hi {
        v.push(i);
        i += 1;
    }
    v
}

fn evens(n: usize) -> Vec<bool> {
    let mut v: Vec<bool> = Vec::with_capacity(n);
    for i in 0..n {
        v.push(i % 2 == 0);
    }
    v
}

fn main() {
    let a = range_vec(-2, 4);
    println!("{:?} {} {}", a, a.len(), a.capacity());
    let b = range_vec(3, 3);
    println!("{:?} {}", b, b.is_empty());
    println!("{:?}", evens(5));
    println!("{:?}", range_vec(0, 1));
}
