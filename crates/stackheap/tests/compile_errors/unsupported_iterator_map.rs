// unsupported 4:32: closures and iterator adapters such as `.map(..)` are not supported yet
fn main() {
    let v = vec![1, 2, 3];
    let w: Vec<i32> = v.iter().map(|x| x * 2).collect();
    println!("{:?}", w);
}
