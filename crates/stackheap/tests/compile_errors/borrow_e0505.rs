// error[E0505] 9:10: cannot move out of `v` because it is borrowed
fn take(v: Vec<i32>) {
    println!("{}", v.len());
}

fn main() {
    let v = vec![1, 2];
    let r = &v;
    take(v);
    println!("{:?}", r);
}
