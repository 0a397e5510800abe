// error[E0308] 6:14: `match` arms have incompatible types
fn main() {
    let n = 3;
    let x = match n {
        1 => 5,
        _ => true,
    };
    println!("{x}");
}
