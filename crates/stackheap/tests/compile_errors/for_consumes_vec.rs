// error[E0382] 7:22: borrow of moved value: `names`
fn main() {
    let names = vec![String::from("Ada")];
    for n in names {
        println!("{}", n);
    }
    println!("{:?}", names);
}
