// error[E0515] 5:5: cannot return value referencing local variable `s`
fn pick<'a>(x: &'a str) -> &'a str { x }
fn bad() -> &'static str {
    let s = String::from("x");
    pick(&s)
}
fn main() { println!("{}", bad()); }
