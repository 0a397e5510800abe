// error 3:15: non-ASCII character in byte literal
fn main() {
    let c = b'é';
    println!("{}", c);
}
