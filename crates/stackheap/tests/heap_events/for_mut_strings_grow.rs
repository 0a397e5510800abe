// Growing the Strings of a Vec's elements through `for x in &mut v`: each String's buffer
// is reallocated in the Vec's block, where it is dropped at the end.
struct Tag {
    text: String,
    uses: u32,
}

fn main() {
    let mut tags = vec![
        Tag { text: String::from("a"), uses: 0 },
        Tag { text: String::from("bb"), uses: 0 },
    ];
    for t in &mut tags {
        t.text.push_str("-long-suffix");
        t.uses += 1;
    }
    for t in tags.iter_mut() {
        t.text.push('!');
    }
    for t in &tags {
        println!("{} {}", t.text, t.uses);
    }
}
