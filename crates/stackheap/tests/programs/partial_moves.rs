// Moving fields out of a struct or tuple moves only those fields: the others stay usable,
// and only what is still owned is dropped at the end of the scope.
#[derive(Debug)]
struct Person {
    name: String,
    items: Vec<i32>,
    age: u32,
}

struct Inner {
    label: String,
    count: u8,
}

struct Outer {
    inner: Inner,
    note: String,
}

struct Basket {
    fruit: String,
    weights: Vec<u32>,
}

fn total(v: Vec<i32>) -> i32 {
    let mut sum = 0;
    for x in &v {
        sum += x;
    }
    sum
}

fn describe(p: Person) -> String {
    let name = p.name;
    format!("{} ({} years)", name, p.age)
}

fn weights_of(b: Basket) -> Vec<u32> {
    b.weights
}

fn main() {
    let p = Person {
        name: String::from("Ada"),
        items: vec![1, 2, 3],
        age: 36,
    };
    let n = p.name;
    let v = p.items;
    println!("{} {:?} {}", n, v, p.age);
    println!("total {}", total(v));

    let mut q = Person {
        name: String::from("Grace"),
        items: vec![4, 5],
        age: 85,
    };
    let moved = q.name;
    q.name = format!("{} again", moved);
    println!("{:?}", q);

    let o = Outer {
        inner: Inner {
            label: String::from("deep"),
            count: 7,
        },
        note: String::from("kept"),
    };
    let label = o.inner.label;
    println!("{} {} {}", label, o.inner.count, o.note);

    let t = (String::from("first"), String::from("second"), 3);
    let a = t.0;
    println!("{} {} {}", a, t.1, t.2);
    let (_, b, c) = t;
    println!("{} {}", b, c);

    let r = Person {
        name: String::from("Linus"),
        items: vec![9],
        age: 54,
    };
    let Person { name, .. } = r;
    println!("{} still has {:?}", name, r.items);

    println!("{}", describe(Person { name: String::from("Ken"), items: Vec::new(), age: 80 }));

    let basket = Basket {
        fruit: String::from("apple"),
        weights: vec![120, 135],
    };
    let fresh = Basket {
        fruit: String::from("pear"),
        ..basket
    };
    println!("{} {:?} {}", fresh.fruit, fresh.weights, basket.fruit);
    println!("{:?}", weights_of(fresh));

    let mut s = Person {
        name: String::from("loop"),
        items: Vec::new(),
        age: 0,
    };
    for i in 0..3 {
        let old = s.name;
        s.name = format!("{}{}", old, i);
    }
    println!("{}", s.name);

    let cond = s.age == 0;
    let w = Person {
        name: String::from("maybe"),
        items: vec![7, 7],
        age: 1,
    };
    if cond {
        let taken = w.items;
        println!("took {:?}", taken);
    }
    println!("{}", w.name);
}
