fn label(id: u32, name: &str) -> String {
    format!("#{:03} {}", id, name)
}

fn main() {
    let a = label(7, "seven");
    let owned = String::from("answer");
    let b = label(42, &owned);
    println!("{a} | {b}");
    println!("{} {}", a.len(), b.len());
    let t = true.to_string();
    let c = 'z'.to_string();
    let neg = (-15i32).to_string();
    println!("{t} {c} {neg} {}", t.len() + c.len() + neg.len());
    let s = format!("{:?} {:>5}|{:<4}|", "q\"x", 12, 'c');
    println!("{s}");
    let joined = a + " & " + &b;
    println!("{joined}");
}
