// stackheap: mode=manual
// title: A memory leak
// teaches: A block nobody frees stays allocated until the program ends; the report lists each leaked block and where it was allocated.
fn squares(n: u32) -> Vec<u32> {
    let mut v = Vec::new();
    for i in 1..=n {
        v.push(i * i);
    }
    v
}

fn main() {
    for round in 1..4 {
        let s = squares(round);
        println!("{:?}", s);
    }
}
