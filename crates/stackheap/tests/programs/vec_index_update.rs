// Reading and writing elements by index, including compound assignment.
fn main() {
    let mut v = vec![1, 2, 3, 4, 5];
    v[0] = 100;
    v[4] += 10;
    v[1] *= v[2];
    v[3] -= 1;
    println!("{:?}", v);
    let mut i = 0;
    while i < v.len() {
        v[i] = v[i] * 2 + 1;
        i += 1;
    }
    println!("{:?}", v);
    let mut counts: Vec<usize> = vec![0; 5];
    for n in 0..23 {
        counts[n % 5] += 1;
    }
    println!("{:?}", counts);
    let mut bits: Vec<u8> = vec![0b1010; 3];
    bits[0] &= 0b0110;
    bits[1] |= 0b0101;
    bits[2] ^= 0b1111;
    bits[0] <<= 2;
    println!("{:?}", bits);
}
