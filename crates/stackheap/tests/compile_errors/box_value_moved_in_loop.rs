// error[E0382] 6:17: use of moved value: `*b`
fn main() {
    let b = Box::new(String::from("x"));
    let mut i = 0;
    while i < 2 {
        let s = *b;
        println!("{}", s);
        i += 1;
    }
}
