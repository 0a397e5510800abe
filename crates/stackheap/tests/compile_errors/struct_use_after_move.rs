// error[E0382] 9:20: borrow of moved value: `a`
struct Team {
    id: u8,
    scores: Vec<i32>,
}
fn main() {
    let a = Team { id: 1, scores: vec![1] };
    let b = a;
    println!("{}", a.id);
    println!("{}", b.scores.len());
}
