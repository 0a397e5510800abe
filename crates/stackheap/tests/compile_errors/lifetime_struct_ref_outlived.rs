// error[E0597] 7:29: `s` does not live long enough
struct Excerpt<'a> { part: &'a str }
fn main() {
    let e;
    {
        let s = String::from("x");
        e = Excerpt { part: &s };
    }
    println!("{}", e.part);
}
