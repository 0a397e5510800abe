fn first_even(v: &Vec<u32>) -> Option<u32> {
    for i in 0..v.len() {
        if v[i] % 2 == 0 {
            return Some(v[i]);
        }
    }
    None
}

fn main() {
    let v = vec![1, 3, 4];
    println!("{}", first_even(&v).unwrap());
    let w = vec![1, 3];
    let x = first_even(&w).unwrap();
    println!("{x}");
}
