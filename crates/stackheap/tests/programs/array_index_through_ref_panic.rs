fn get(a: &[i32; 4], i: usize) -> i32 {
    a[i]
}

fn main() {
    let a = [1, 2, 3, 4];
    let mut i = 0;
    loop {
        println!("{}", get(&a, i));
        i += 2;
    }
}
