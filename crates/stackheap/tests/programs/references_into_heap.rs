#[derive(Debug)]
struct Grid {
    cells: Vec<i32>,
    w: usize,
}

impl Grid {
    fn get(&self, x: usize, y: usize) -> i32 {
        self.cells[self.idx(x, y)]
    }
    fn idx(&self, x: usize, y: usize) -> usize {
        y * self.w + x
    }
    fn set(&mut self, x: usize, y: usize, v: i32) {
        let i = self.idx(x, y);
        self.cells[i] = v;
    }
    fn biggest(&self) -> &i32 {
        let mut best = &self.cells[0];
        let mut i = 1;
        while i < self.cells.len() {
            if self.cells[i] > *best {
                best = &self.cells[i];
            }
            i += 1;
        }
        best
    }
}

fn first(v: &Vec<i32>) -> &i32 {
    &v[0]
}

fn main() {
    let mut g = Grid { cells: vec![0; 6], w: 3 };
    g.set(1, 1, 5);
    g.set(2, 0, 7);
    println!("{} {} {:?}", g.get(1, 1), g.get(2, 0), g);
    let b = g.biggest();
    println!("{} {}", b, *b + 1);
    let v = vec![9, 8];
    let f = first(&v);
    println!("{}", f);
    let r = &v[1];
    println!("{}", *r * 2);
}
