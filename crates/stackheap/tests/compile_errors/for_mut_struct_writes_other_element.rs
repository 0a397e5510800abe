// error[E0499] 9:9: cannot borrow `players` as mutable more than once at a time
struct Player {
    score: i32,
}
fn main() {
    let mut players = vec![Player { score: 1 }, Player { score: 2 }];
    for p in players.iter_mut() {
        p.score += 1;
        players[0].score = 0;
    }
}
