// error[E0382] 12:20: borrow of moved value: `a.tag`
struct Label {
    text: String,
    tag: String,
}

fn main() {
    let a = Label { text: String::from("a"), tag: String::from("t") };
    let b = Label { text: String::from("b"), ..a };
    println!("{} {}", b.text, b.tag);
    println!("{}", a.text);
    println!("{}", a.tag);
}
