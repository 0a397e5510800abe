fn sum(a: [i32; 4]) -> i32 {
    let mut s = 0;
    let mut i = 0;
    while i < a.len() {
        s += a[i];
        i += 1;
    }
    s
}

fn doubled(mut a: [i32; 4]) -> [i32; 4] {
    for i in 0..4 {
        a[i] *= 2;
    }
    a
}

fn main() {
    let mut a = [1, 2, 3, 4];
    a[0] = 10;
    a[3] += 5;
    println!("{:?} {} {}", a, a.len(), sum(a));
    let b = doubled(a);
    println!("{:?} {:?}", a, b);
    let grid = [[0u8; 3]; 2];
    println!("{:?} {}", grid, std::mem::size_of::<[[u8; 3]; 2]>());
    let flags = [true, false, true];
    println!("{:?} {:#?}", flags, [1u64, 2]);
    let mut m = [[1, 2], [3, 4]];
    m[1][0] = 30;
    let row = m[1];
    println!("{:?} {:?} {}", m, row, m[0][1]);
}
