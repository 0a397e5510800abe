// `let x;` and `let x: T;`: a variable given its value later, on each path (a String
// assigned in both branches, one never assigned and so never dropped), `let mut` too.
fn main() {
    let greeting;
    let n = 3;
    if n > 2 {
        greeting = String::from("big");
    } else {
        greeting = String::from("small");
    }
    println!("{}", greeting);
    let count: u32;
    count = 7;
    println!("{}", count);
    let mut total;
    total = 1;
    total += 2;
    println!("{}", total);
    let maybe: String;
    if n == 0 {
        maybe = String::from("never");
        println!("{}", maybe);
    }
    let longest;
    let a = String::from("abcd");
    {
        let b = String::from("xy");
        longest = if a.len() > b.len() { a.len() } else { b.len() };
    }
    println!("{}", longest);
}
