// `<<=` by 64 on a u64 panics too, at the compound assignment.
fn shift(mut x: u64, by: i32) -> u64 {
    x <<= by;
    x
}

fn main() {
    println!("{}", shift(1, 63));
    println!("{}", shift(1, 64));
}
