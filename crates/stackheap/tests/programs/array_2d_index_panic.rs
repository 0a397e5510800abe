fn set(g: &mut [[u8; 3]; 2], r: usize, c: usize) {
    g[r][c] = 9;
}

fn main() {
    let mut grid = [[0u8; 3]; 2];
    for r in 0..2 {
        for c in 0..3 {
            grid[r][c] = (r * 3 + c) as u8;
        }
    }
    println!("{:?}", grid);
    println!("{} {}", grid.len(), grid[0].len());
    let row = grid[1];
    println!("{:?} {}", row, row[2]);
    let col = 3;
    set(&mut grid, 0, col);
    println!("never");
}
