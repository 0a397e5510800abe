#[derive(Debug)]
struct Leaf {
    val: i32,
}

#[derive(Debug)]
struct Holder {
    id: u8,
    leaf: Option<Box<Leaf>>,
}

fn main() {
    let a = Holder { id: 1, leaf: Some(Box::new(Leaf { val: 2 })) };
    let b = Holder { id: 3, leaf: None };
    println!("{:?}", a);
    println!("{:?}", b);
    println!("{} {}", a.leaf.is_some(), b.leaf.is_none());
    let id = a.id as i32;
    let got = a.leaf.unwrap();
    let sum = id + (*got).val;
    println!("sum {sum} {:?}", got);
    let missing = b.leaf.unwrap();
    println!("never {:?}", missing);
}
