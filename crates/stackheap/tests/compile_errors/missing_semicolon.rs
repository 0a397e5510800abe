// error 3:14: expected `;`, found `println`
fn main() {
    let x = 5
    println!("{}", x);
}
