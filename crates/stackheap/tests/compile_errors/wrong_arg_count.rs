// error[E0061] 6:5: this function takes 2 arguments but 1 argument was supplied
fn add(a: i32, b: i32) -> i32 {
    a + b
}
fn main() {
    add(1);
}
