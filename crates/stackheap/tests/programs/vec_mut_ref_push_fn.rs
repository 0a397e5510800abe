fn fill(v: &mut Vec<u16>, n: u16) {
    for i in 0..n {
        v.push(i * i);
    }
}

fn double_all(v: &mut Vec<u16>) {
    for i in 0..v.len() {
        v[i] *= 2;
    }
}

fn main() {
    let mut v = Vec::new();
    fill(&mut v, 3);
    println!("{:?} {} {}", v, v.len(), v.capacity());
    fill(&mut v, 4);
    println!("{:?} {} {}", v, v.len(), v.capacity());
    double_all(&mut v);
    println!("{:?}", v);
    let r = &mut v;
    r.push(1);
    println!("{}", v.len());
}
