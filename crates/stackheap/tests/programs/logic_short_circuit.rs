// && and || evaluate their right side only when needed; ! negates.
fn loud(name: u32, value: bool) -> bool {
    println!("evaluating {name}");
    value
}

fn main() {
    let a = loud(1, false) && loud(2, true);
    println!("a = {a}");
    let b = loud(3, true) || loud(4, false);
    println!("b = {b}");
    let c = loud(5, true) && loud(6, false);
    println!("c = {c}");
    let d = loud(7, false) || loud(8, true);
    println!("d = {d}");
    let e = !loud(9, false) && (loud(10, false) || loud(11, true));
    println!("e = {e}");
    println!("{} {} {}", !true, true == false, true != false);
    println!("{}", 3 < 4 && 4 <= 4 && 5 >= 6 || 7 > 6);
}
