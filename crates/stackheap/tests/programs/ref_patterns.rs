// `ref` and `ref mut` names in `match`, `if let` and `let` patterns: references to the parts of the matched place (also behind a `&mut`, and of a Vec element).
#[derive(Debug)]
struct Counter { hits: u32, name: String }
fn bump(c: &mut Counter) {
    match *c {
        Counter { ref mut hits, ref name } => {
            *hits += 1;
            println!("{} {}", name, hits);
        }
    }
}
fn main() {
    let mut c = Counter { hits: 0, name: String::from("c") };
    bump(&mut c);
    bump(&mut c);
    let Counter { ref name, hits } = c;
    println!("{} {} {:?}", name, hits, c);
    let mut v = vec![1, 2, 3];
    match v[1] {
        ref mut x => *x *= 10,
    }
    println!("{:?}", v);
    let o = Some(String::from("abc"));
    if let Some(ref s) = o {
        println!("{}", s.len());
    }
    println!("{:?}", o);
    let mut t = (1, String::from("x"));
    {
        let (ref mut n, ref mut s) = t;
        *n += 1;
        s.push('y');
    }
    println!("{:?}", t);
}
