fn zero_first(mut a: [i32; 4]) -> [i32; 4] {
    a[0] = 0;
    a
}

fn zero_first_in_place(a: &mut [i32; 4]) {
    a[0] = 0;
}

fn main() {
    let a = [1, 2, 3, 4];
    let b = zero_first(a);
    println!("{:?} {:?}", a, b);
    let mut c = a;
    zero_first_in_place(&mut c);
    println!("{:?} {:?}", a, c);
    let t = (a, 'x');
    let (mut arr, ch) = t;
    arr[3] = 40;
    println!("{:?} {:?} {}", t.0, arr, ch);
}
