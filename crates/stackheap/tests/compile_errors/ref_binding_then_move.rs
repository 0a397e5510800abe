// error[E0505] 5:21: cannot move out of `o` because it is borrowed
fn main() {
    let o = Some(String::from("abc"));
    if let Some(ref s) = o {
        let moved = o;
        println!("{} {:?}", s, moved);
    }
}
