// A program a memory course writes (see its name); it runs as rustc's build runs it.
fn main() {
    let mut stack: Vec<i32> = Vec::new();
    for i in 0..5 { stack.push(i * i); }
    while let Some(top) = stack.pop() {
        print!("{top} ");
    }
    println!();
    let mut grid = vec![vec![0; 3]; 2];
    grid[1][2] = 5;
    for row in &grid {
        println!("{:?}", row);
    }
    let mut total = 0;
    for row in grid.iter() {
        for x in row.iter() {
            total += x;
        }
    }
    println!("{total}");
    let v = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let mut max = v[0];
    let mut max_i = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > max { max = x; max_i = i; }
    }
    println!("{max} at {max_i}");
    let mut sorted = v.clone();
    let n = sorted.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if sorted[j] > sorted[j + 1] {
                let t = sorted[j];
                sorted[j] = sorted[j + 1];
                sorted[j + 1] = t;
            }
        }
    }
    println!("{:?}", sorted);
}
