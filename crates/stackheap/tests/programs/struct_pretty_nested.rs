#[derive(Debug, Clone, Copy)]
struct P(i8, i8);

#[derive(Debug)]
struct Shape {
    corners: [P; 2],
    weights: Vec<u16>,
    inner: Inner,
    pair: (bool, P),
}

#[derive(Debug)]
struct Inner {
    depth: u64,
    unit: Marker,
}

#[derive(Debug)]
struct Marker;

fn main() {
    let s = Shape {
        corners: [P(1, -1), P(2, -2)],
        weights: vec![3, 4],
        inner: Inner { depth: 9, unit: Marker },
        pair: (true, P(0, 0)),
    };
    println!("{:?}", s);
    println!("{:#?}", s);
    let e: Vec<u8> = Vec::new();
    println!("{:#?} {:?}", e, [[1u8; 2]; 2]);
    println!("{:#?}", [[1u8; 2]; 2]);
}
