// Functions without a return type, called for their printing.
fn line(width: u32) {
    let mut i = 0;
    while i < width {
        print!("-");
        i += 1;
    }
    println!();
}

fn boxed(n: i32) {
    line(7);
    println!("|{:^5}|", n);
    line(7);
}

fn nothing() {}

fn main() {
    boxed(3);
    nothing();
    boxed(-42);
    nothing();
    line(0);
    line(3);
}
