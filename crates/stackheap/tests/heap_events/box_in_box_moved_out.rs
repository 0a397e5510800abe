// Moving the value out of a Box in a Box frees both blocks where the outer Box goes out of
// scope, inner block first, as rustc's build does.
fn main() {
    let b = Box::new(Box::new(String::from("inside")));
    let s = **b;
    println!("{s}");
    let c = Box::new(Box::new(vec![1, 2, 3]));
    let inner = *c;
    println!("{:?}", inner);
}
