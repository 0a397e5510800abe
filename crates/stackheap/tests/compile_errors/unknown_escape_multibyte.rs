// error 3:16: unknown character escape: `\u{e9}`
fn main() {
    let s = "a\é";
    println!("{}", s);
}
