// error[E0505] 6:13: cannot move out of `p.name` because it is borrowed
struct P { name: String, age: u32 }
fn main() {
    let p = P { name: String::from("a"), age: 3 };
    let r = &p;
    let n = p.name;
    println!("{} {}", r.age, n);
}
