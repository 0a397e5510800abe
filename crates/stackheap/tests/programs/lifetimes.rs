// Explicit lifetimes: `fn longest<'a>`, a struct holding a reference with its `impl<'a>`,
// elision, `'static`, and borrows the checker must accept: a result tied to one argument
// only, a reference read out of a struct through another reference, a tuple's parts.
#[derive(Debug)]
struct Excerpt<'a> {
    part: &'a str,
}
impl<'a> Excerpt<'a> {
    fn level(&self) -> i32 {
        3
    }
    fn part(&self) -> &'a str {
        self.part
    }
    fn announce(&self, announcement: &str) -> &str {
        println!("Attention please: {}", announcement);
        self.part
    }
}
fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() > y.len() { x } else { y }
}
fn first<'a, 'b>(x: &'a str, _y: &'b str) -> &'a str {
    x
}
fn pick(e: &Excerpt) -> usize {
    e.part.len()
}
fn main() {
    let string1 = String::from("long string is long");
    {
        let string2 = String::from("xyz");
        let result = longest(&string1, &string2);
        println!("The longest string is {}", result);
    }
    let a = String::from("keep");
    let r;
    {
        let b = String::from("temporary");
        r = first(&a, &b);
    }
    println!("{}", r);
    let novel = String::from("Call me Ishmael.");
    let i = Excerpt { part: &novel };
    println!("{:?} {} {} {}", i, i.level(), i.part(), pick(&i));
    let p = i.part();
    drop(i);
    println!("{}", p);
    let e2 = Excerpt { part: "static" };
    println!("{}", e2.announce("hello"));
    more();
    let s: &'static str = "forever";
    println!("{}", s);
}
struct Two<'a, 'b> { a: &'a str, b: &'b str }
fn f<'a>(e: Excerpt<'a>) -> &'a str {
    let x = &e;
    x.part
}
fn g<'a, 'b>(t: &Two<'a, 'b>) -> &'a str { t.a }
fn more() {
    let s = String::from("hello");
    println!("{}", f(Excerpt { part: &s }));
    let a = String::from("a");
    let b = String::from("b");
    let t = (&a, &b);
    let r = t.0;
    let m = b;
    println!("{} {}", r, m);
    let x = 1;
    let z = 2;
    let mut p = &x;
    let pp = &p;
    let y = *pp;
    p = &z;
    println!("{} {}", y, p);
    let c = String::from("c");
    let d = String::from("d");
    let two = Two { a: &c, b: &d };
    let ra = g(&two);
    let moved = d;
    println!("{} {}", ra, moved);
    let e = Excerpt { part: &c };
    let part = e.part;
    drop(e);
    println!("{}", part);
}
