// `let ref` names: a reference to a local's value, to a new value, and to a Vec's element.
fn main() {
    let s = String::from("abc");
    let ref t = s;
    let ref mut n = 5;
    *n += 1;
    println!("{} {} {}", t, s, n);
    let v = vec![1, 2];
    let ref first = v[0];
    println!("{first} {}", v.len());
}
