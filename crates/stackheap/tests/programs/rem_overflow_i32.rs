// i32::MIN % -1 panics too: "attempt to calculate the remainder with overflow".
fn rem(a: i32, b: i32) -> i32 {
    a % b
}

fn main() {
    println!("{}", rem(i32::MIN, 3));
    println!("{}", rem(-7, -1));
    println!("{}", rem(i32::MIN, -1));
    println!("not reached");
}
