fn main() {
    let v = vec![2u8, 4, 6];
    for x in &v {
        print!("{} ", x);
    }
    println!();
    for x in v.iter() {
        print!("{} ", *x + 1);
    }
    println!();
    let mut count = 0;
    for _ in &v {
        count += 1;
    }
    println!("count {count} v still {:?}", v);
    let names = vec![String::from("ab"), String::from("cde")];
    let mut total = 0;
    for s in &names {
        total += s.len();
    }
    println!("total {total} {:?}", names);
    let a = [7i64, -8, 9];
    for x in a.iter() {
        print!("{x};");
    }
    println!();
}
