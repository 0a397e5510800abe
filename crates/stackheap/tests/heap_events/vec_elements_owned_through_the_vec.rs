// What a Vec's elements allocate is labelled through the Vec: `v[_]` for a pushed element
// (its index is not known where it is made), `w[0]` for a `vec!` element, `v[0]` for a
// value assigned to an element, `bs[_]` for a pushed Box and `ps[_].name` for a String in
// a pushed struct.
struct Person {
    name: String,
    age: u32,
}

fn main() {
    let mut v = Vec::new();
    v.push(String::from("a"));
    v.push(String::from("b"));
    v[0] = String::from("c");
    let w = vec![String::from("x"), String::from("y")];
    let mut bs = Vec::new();
    bs.push(Box::new(5));
    let mut ps = Vec::new();
    ps.push(Person { name: String::from("Ann"), age: 3 });
    println!("{} {} {} {} {}", v[0], w[1], bs[0], ps[0].name, ps[0].age);
}
