// Neighbouring elements compared and swapped (`v[j]`, `v[j + 1]`, `v[j - 1]`) in Vecs of
// several element types and through a reference; odd-even transposition sort.
fn sort(v: &mut Vec<i16>) {
    let n = v.len();
    let mut round = 0;
    while round < n {
        let mut j: usize = round % 2 + 1;
        while j < n {
            if v[j - 1] > v[j] {
                let t = v[j];
                v[j] = v[j - 1];
                v[j - 1] = t;
            }
            j += 2;
        }
        round += 1;
    }
}

fn main() {
    let mut a: Vec<i16> = vec![9, -3, 7, 0, -12, 5, 5, 100];
    sort(&mut a);
    println!("{:?}", a);
    let mut b: Vec<u8> = vec![200, 3, 77, 3, 1];
    let mut k: usize = 0;
    while k + 1 < b.len() {
        if b[k] > b[k + 1] {
            let t = b[k + 1];
            b[k + 1] = b[k];
            b[k] = t;
        }
        k += 1;
    }
    println!("{:?}", b);
    let c: Vec<u64> = vec![1, 1, 2, 3, 5, 8, 13];
    let mut ok = true;
    for i in 2..c.len() {
        ok = ok && c[i] == c[i - 1] + c[i - 2];
    }
    println!("fibonacci: {}", ok);
}
