struct Owner {
    first: Vec<u8>,
    second: Vec<u8>,
}

fn make(a: u8, b: u8) -> Owner {
    Owner { first: vec![a], second: vec![b, b] }
}

fn main() {
    let x = make(1, 2);
    let y = make(3, 4);
    {
        let z = make(5, 6);
        println!("{} {}", z.first[0], z.second.len());
    }
    let moved = x;
    let mut i = 0;
    while i < 3 {
        let t = make(i, i);
        println!("{}", t.first[0] + t.second[1]);
        i += 1;
    }
    println!("{} {}", y.first[0], moved.second[0]);
}
