// drop(v) frees a Vec early; new Vecs can be made afterwards.
fn main() {
    let mut v: Vec<u64> = vec![1, 2, 3];
    v.push(4);
    println!("{:?}", v);
    drop(v);
    let w: Vec<u64> = vec![5; 2];
    println!("{:?}", w);
    drop(w);
    let mut round = 0;
    while round < 3 {
        let mut tmp: Vec<i8> = Vec::new();
        for i in 0..round + 1 {
            tmp.push(i as i8 - 1);
        }
        println!("{:?}", tmp);
        drop(tmp);
        round += 1;
    }
    println!("done");
}
