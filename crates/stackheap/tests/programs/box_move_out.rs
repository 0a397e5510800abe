// Moving the value out of a Box: `let p = *b;`, a `self` method called on a Box, and a
// Box assigned again after its value moved out.
#[derive(Debug)]
struct Named {
    name: String,
    n: i32,
}

impl Named {
    fn into_name(self) -> String {
        self.name
    }

    fn show(&self) {
        println!("{} has {}", self.name, self.n);
    }
}

fn main() {
    let b = Box::new(Named { name: String::from("abc"), n: 1 });
    b.show();
    let p = *b;
    println!("{:?}", p);
    let mut c = Box::new(Named { name: String::from("x"), n: 2 });
    c.n += 5;
    c.name.push_str("yz");
    let s = c.into_name();
    println!("{s} {}", s.len());
    let mut d = Box::new(Named { name: String::from("d"), n: 4 });
    let q = *d;
    d = Box::new(Named { name: String::from("e"), n: 5 });
    println!("{} {} {}", q.name, d.name, d.n);
    let k = Box::new(7);
    let seven = *k;
    println!("{seven} {k}");
}
