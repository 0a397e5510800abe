fn kind(s: &str) -> u32 {
    match s {
        "cat" | "dog" => 1,
        "fish" => 2,
        _ => 0,
    }
}

fn main() {
    let s = String::from("hello");
    let t = s + ", world";
    println!("{t} {}", t.len());
    let u = String::from("!");
    let w = t + &u;
    println!("{w}");
    println!("{} {} {}", kind("dog"), kind("fish"), kind("cow"));
    let greeting = String::from("hi") + " " + "there";
    println!("{greeting} {}", greeting.capacity());
}
