#[derive(Debug)]
struct Team {
    id: u8,
    scores: Vec<i32>,
    names: Vec<u8>,
}

fn total(t: Team) -> i32 {
    let mut s = 0;
    let mut i = 0;
    while i < t.scores.len() {
        s += t.scores[i];
        i += 1;
    }
    s
}

fn build(id: u8) -> Team {
    let mut t = Team { id, scores: Vec::new(), names: vec![1, 2] };
    t.scores.push(10);
    t.scores.push(20);
    t
}

fn main() {
    let mut a = Team { id: 1, scores: vec![1, 2, 3], names: vec![] };
    a.scores.push(4);
    a.scores[0] = 9;
    a.scores[1] += 5;
    println!("{:?} {} {}", a, a.scores.len(), a.scores.capacity());
    let b = build(2);
    println!("{:#?}", b);
    println!("{}", total(b));
    a.names = vec![7, 8, 9];
    println!("{:?}", a);
    let c = a;
    println!("{} {}", c.id, c.names[2]);
    drop(c);
    let d = Team { id: 4, scores: vec![5; 3], names: Vec::with_capacity(2) };
    println!("{} {} {}", d.scores.is_empty(), d.names.is_empty(), d.names.capacity());
    println!("end");
}
