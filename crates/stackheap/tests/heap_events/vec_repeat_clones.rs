// `vec![x; n]` of values that own memory: `x` is made first, then the block for `n`
// elements, then `n - 1` clones, and `x` moves in last (for `n == 0` it is dropped).
#[derive(Debug, Clone)]
struct P { name: String, n: u8 }
fn main() {
    let grid = vec![vec![0u8; 3]; 2];
    println!("{:?} {} {}", grid, grid.capacity(), grid[0].capacity());
    let names = vec![String::from("ab"); 3];
    println!("{:?}", names);
    let ps = vec![P { name: String::from("x"), n: 1 }; 2];
    println!("{:?}", ps);
    let none: Vec<String> = vec![String::from("gone"); 0];
    println!("{} {}", none.len(), none.capacity());
    let pairs = vec![(1, 'a'); 3];
    println!("{:?}", pairs);
    let arrs = vec![[1u16, 2]; 2];
    println!("{:?}", arrs);
    let opts: Vec<Option<String>> = vec![None; 2];
    println!("{:?}", opts);
}
