// error[E0106] 2:15: missing lifetime specifier
struct S { r: &str }
fn main() {}
