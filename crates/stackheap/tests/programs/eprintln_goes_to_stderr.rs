// eprintln! and eprint! write to stderr, so only println! lines reach stdout.
fn main() {
    let v = vec![3u8, 1, 2];
    println!("first {:?}", v);
    eprintln!("to stderr {}", v.len());
    eprint!("no newline");
    println!("second");
}
