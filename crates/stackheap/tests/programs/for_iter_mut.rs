// `for x in &mut v` and `.iter_mut()` over Vecs, arrays, slices, Vecs of structs and
// nested Vecs, through references and `&mut self`, with `.enumerate()` and patterns.
#[derive(Debug)]
struct Player {
    name: String,
    score: i32,
}

struct Team {
    players: Vec<Player>,
    bonus: i32,
}

impl Team {
    fn reward(&mut self) {
        for p in self.players.iter_mut() {
            p.score += self.bonus;
        }
        for p in &mut self.players {
            p.name.push('*');
        }
    }
}

fn double_all(v: &mut Vec<i32>) {
    for x in v.iter_mut() {
        *x *= 2;
    }
}

fn negate(s: &mut [i32]) {
    for x in s {
        *x = -*x;
    }
}

fn main() {
    let mut v = vec![1, 2, 3];
    for x in &mut v {
        *x += 1;
    }
    double_all(&mut v);
    println!("{:?}", v);
    negate(&mut v[1..]);
    println!("{:?}", v);
    let mut a = [10, 20, 30];
    for x in a.iter_mut() {
        *x /= 10;
    }
    for (i, x) in (&mut a).iter_mut().enumerate() {
        *x += i as i32 * 100;
    }
    println!("{:?}", a);
    let mut team = Team {
        players: vec![
            Player { name: String::from("Ann"), score: 3 },
            Player { name: String::from("Bo"), score: 5 },
        ],
        bonus: 10,
    };
    team.reward();
    for Player { name, score } in &mut team.players {
        name.push_str("!!");
        *score *= 2;
    }
    println!("{:?}", team.players);
    let mut grid = vec![vec![1, 2], vec![3]];
    for row in &mut grid {
        for c in row.iter_mut() {
            *c *= 10;
        }
        row.push(0);
    }
    println!("{:?}", grid);
    let total: i32 = {
        let mut t = 0;
        for x in v.iter() {
            t += *x;
        }
        t
    };
    println!("{total}");
}
