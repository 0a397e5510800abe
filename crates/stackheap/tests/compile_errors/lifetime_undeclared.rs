// error[E0261] 2:10: use of undeclared lifetime name `'a`
fn f(x: &'a str) -> &'a str { x }
fn main() {}
