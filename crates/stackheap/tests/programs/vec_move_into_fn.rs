// A Vec moved into a function by value, changed there and moved back out.
fn add_squares(mut v: Vec<u32>, n: u32) -> Vec<u32> {
    for i in 1..=n {
        v.push(i * i);
    }
    v
}

fn total(v: Vec<u32>) -> u32 {
    let mut sum = 0;
    let mut i = 0;
    while i < v.len() {
        sum += v[i];
        i += 1;
    }
    sum
}

fn main() {
    let v: Vec<u32> = Vec::new();
    let v = add_squares(v, 3);
    println!("{:?} capacity {}", v, v.capacity());
    let v = add_squares(v, 2);
    println!("{:?} capacity {}", v, v.capacity());
    println!("total {}", total(v));
}
