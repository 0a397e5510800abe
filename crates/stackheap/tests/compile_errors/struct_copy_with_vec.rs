// error[E0204] 3:8: the trait `Copy` cannot be implemented for this type
#[derive(Clone, Copy)]
struct Team {
    scores: Vec<i32>,
}
fn main() {
    let t = Team { scores: vec![1] };
    println!("{}", t.scores.len());
}
