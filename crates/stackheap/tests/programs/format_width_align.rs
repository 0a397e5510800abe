// Width, fill and alignment flags on integers.
fn main() {
    let n = 42;
    println!("[{:5}]", n);
    println!("[{:<5}]", n);
    println!("[{:>5}]", n);
    println!("[{:^5}]", n);
    println!("[{:^6}]", n);
    println!("[{:*^7}]", n);
    println!("[{:->6}]", n);
    println!("[{:_<4}]", n);
    println!("[{:2}]", 12345);
    println!("{:<4}|{:>4}|", 1, -1);
    let w: i64 = -7;
    println!("[{:>6}] [{:<6}] [{:^6}]", w, w, w);
    let x = 9;
    println!("[{x:>4}] [{x:<3}]");
}
