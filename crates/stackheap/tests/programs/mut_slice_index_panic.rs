// Writing through a `&mut [T]` past its end panics with the slice's length.
fn fill(v: &mut [u8], n: usize) {
    for i in 0..n {
        v[i] = i as u8;
    }
}

fn main() {
    let mut buf = vec![0u8; 4];
    fill(&mut buf[1..], 2);
    println!("{:?}", buf);
    fill(&mut buf[1..], 5);
    println!("unreachable");
}
