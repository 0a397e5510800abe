// Deep clones: each Vec, String and Box inside gets a block of its own.
#[derive(Debug, Clone)]
struct Student {
    name: String,
    scores: Vec<u32>,
    year: u8,
}

#[derive(Debug, Clone)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
}

fn main() {
    let a = Student { name: String::from("Ann"), scores: vec![90, 85], year: 2 };
    let mut b = a.clone();
    b.name.push_str("ie");
    b.scores.push(70);
    println!("{:?}\n{:?}", a, b);
    println!("{} {} {}", b.name.capacity(), b.scores.capacity(), a.scores.capacity());
    let v = vec![String::from("x"), String::from("yz")];
    let mut w = v.clone();
    w[0].push('!');
    println!("{:?} {:?} {}", v, w, w.capacity());
    let mut grid = vec![vec![1, 2, 3], vec![4]];
    grid[0].pop();
    let g2 = grid.clone();
    println!("{:?} {} {}", g2, g2[0].capacity(), grid[0].capacity());
    let boxes = vec![Box::new(5), Box::new(6)];
    let b2 = boxes.clone();
    println!("{:?}", b2);
    let o = Some(String::from("opt"));
    let o2 = o.clone();
    let n: Option<String> = None;
    println!("{:?} {:?} {:?}", o, o2, n.clone());
    let bx = Box::new(Student { name: String::from("Bo"), scores: Vec::new(), year: 1 });
    let by = bx.clone();
    println!("{:?} {}", by, by.scores.capacity());
    let list = Some(Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) }));
    let mut l2 = list.clone();
    if let Some(n) = l2.as_mut() {
        n.value = 10;
    }
    println!("{:?}\n{:?}", list, l2);
    let people = vec![a.clone(), b];
    let p2 = people.clone();
    println!("{} {}", p2.len(), p2[1].name);
    let pairs = (String::from("l"), vec![P { x: 1 }]);
    let q = pairs.clone();
    println!("{:?}", q);
    let arr = [String::from("a1"), String::from("a2")];
    println!("{:?}", arr.clone());
}
