// `let _ = ...` binds nothing: a place is neither moved nor read, a value is dropped at once.
struct Person {
    name: String,
    age: u32,
}

fn shout(s: &str) {
    println!("{}!", s);
}

fn make(text: &str) -> String {
    println!("making {}", text);
    String::from(text)
}

fn main() {
    let v = vec![1, 2, 3];
    let _ = v;
    println!("{:?} still here", v);

    let p = Person { name: String::from("Ada"), age: 36 };
    let _ = p.name;
    let _ = p.age;
    println!("{} is {}", p.name, p.age);

    let _ = make("temporary");
    println!("after the temporary");

    let _ = shout("hello");
    let _: i32 = 5;
    let _ = &v;
    let a = [10, 20, 30];
    let i = 2;
    let _ = a[i];
    let _ = v[1];

    let w = v;
    let _ = v;
    println!("{:?} moved to w", w);

    for _ in 0..2 {
        let _ = make("in a loop");
    }
    let s = String::from("kept");
    let r = &s;
    let _ = r;
    println!("{} {}", s, r);
}
