// unsupported 4:9: a path in a pattern (such as an enum's variant) is not supported yet
fn main() {
    match Some(3) {
        Option::Some(x) => println!("{x}"),
        Option::None => println!("none"),
    }
}
