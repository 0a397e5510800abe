// References to temporaries: a `let` that borrows one extends it to the end of the
// block (`let r = &5;`, `let s: &String = &String::from("x");`, inside a tuple); one
// borrowed in an argument lives to the end of its statement.
fn take(s: &String) -> usize {
    s.len()
}

fn show(s: &str) {
    println!("<{s}>");
}

fn bump(n: &mut i32) -> i32 {
    *n += 1;
    *n
}

fn main() {
    let five = &5;
    let a = String::from("a");
    let r: &String = &String::from("bb");
    let c = String::from("ccc");
    println!("{} {} {} {}", five, a, r, c);
    let n = take(&String::from("dddd"));
    let t: &str = &String::from("eeeee");
    println!("{n} {t} {}", *five + 1);
    show(&format!("{}-{}", n, t));
    show(&String::from("direct"));
    println!("{}", bump(&mut 41));
    let p = (&String::from("in pair"), &7);
    println!("{} {}", p.0, p.1);
    let v = &vec![1, 2, 3];
    println!("{:?} {}", v, v.len());
    let (x, y) = (&String::from("pat"), &3);
    println!("{x} {y}");
    let q = &&9;
    println!("{}", **q);
}
