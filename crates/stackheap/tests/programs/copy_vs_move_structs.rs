#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
    y: i32,
}

#[derive(Debug)]
struct Named {
    name: String,
    n: u8,
}

fn shift(mut p: P) -> P {
    p.x += 1;
    p
}

fn consume(n: Named) -> usize {
    n.name.len() + n.n as usize
}

fn main() {
    let a = P { x: 1, y: 2 };
    let mut b = a;
    b.y = 20;
    let c = shift(a);
    println!("{:?} {:?} {:?}", a, b, c);
    let n = Named { name: String::from("zed"), n: 4 };
    let m = n;
    println!("{:?}", m);
    println!("{}", consume(m));
    let arr = [a; 3];
    let mut arr2 = arr;
    arr2[1].x = 9;
    println!("{:?}", arr);
    println!("{:?}", arr2);
    let t = (a, 5);
    let (mut pa, k) = t;
    pa.x = -1;
    println!("{:?} {:?} {}", t, pa, k);
}
