// unsupported 4:40: the iterator method `.skip(..)` is not supported yet
fn main() {
    let v = vec![1, 2, 3];
    for (i, x) in v.iter().enumerate().skip(1) {
        println!("{i} {x}");
    }
}
