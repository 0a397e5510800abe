fn main() {
    let mut words = vec![String::from("a"), String::from("bb")];
    words.push("ccc".to_string());
    let mut lens = Vec::new();
    while let Some(w) = words.pop() {
        lens.push(w.len());
        println!("{w} left {}", words.len());
    }
    println!("{:?} {}", lens, words.capacity());
    let mut opt = Some(3);
    while let Some(n) = opt {
        print!("{n} ");
        opt = if n == 0 { None } else { Some(n - 1) };
    }
    println!();
}
