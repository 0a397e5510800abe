fn read(r: &i32) -> i32 {
    *r * 2
}

fn bump(r: &mut i32) {
    *r += 100;
}

fn sum(v: &Vec<i32>) -> i32 {
    let mut s = 0;
    for x in v.iter() {
        s += *x;
    }
    s
}

fn main() {
    let mut on_stack = 21;
    println!("{}", read(&on_stack));
    bump(&mut on_stack);
    println!("{on_stack}");
    let boxed = Box::new(5);
    println!("{}", read(&*boxed));
    let mut v = vec![1, 2, 3];
    println!("{}", read(&v[1]));
    bump(&mut v[2]);
    println!("{:?} sum {}", v, sum(&v));
    let r = &v;
    println!("{}", r.len() + sum(r) as usize);
}
