// error[E0505] 5:10: cannot move out of `u.0` because it is borrowed
fn main() {
    let u = (String::from("c"), String::from("d"));
    let q = &u.0;
    let (c, _) = u;
    println!("{} {}", c, q);
}
