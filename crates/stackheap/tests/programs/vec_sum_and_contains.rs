// `.iter().sum()` of integers (the sum's type from where it goes) and `contains(&x)` of
// integers, chars and bools, over Vecs, arrays and slices.
fn total(v: &Vec<i32>) -> i32 {
    v.iter().sum()
}
fn main() {
    let v = vec![1, 2, 3];
    let s: i32 = v.iter().sum();
    let big: i64 = vec![4, 5].iter().sum();
    let a = [1u8, 2, 3];
    let sa: u8 = a.iter().sum();
    let sl = &v[1..];
    let ss: i32 = sl.iter().sum();
    println!("{} {} {} {} {}", s, big, sa, ss, total(&v));
    println!("{} {} {}", v.contains(&2), v.contains(&7), a.contains(&3));
    let cs = vec!['a', 'b'];
    let flags = [true, false];
    println!("{} {} {}", cs.contains(&'b'), flags.contains(&false), sl.contains(&1));
    let empty: Vec<u64> = Vec::new();
    let z: u64 = empty.iter().sum();
    println!("{z}");
    let x = 3;
    if v.contains(&x) { println!("has {x}"); }
}
