// stackheap: mode=manual
// Every block is freed right after its last use: no report.
fn total(v: Vec<i32>) -> i32 {
    let mut s = 0;
    for i in 0..v.len() {
        s += v[i];
    }
    s
}

fn main() {
    let years = vec![1995, 2000, 2005];
    println!("{}", total(years));
    dealloc(years);
    let p = alloc(4);
    heap_bytes[p] = 1;
    println!("{}", heap_bytes[p]);
    dealloc(p);
    println!("All done!");
}
