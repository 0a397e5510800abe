// Escaped braces, inline variable names, {:?} on integers and bools, print! and println!().
fn main() {
    let x = 10;
    let flag = true;
    println!("{{}}");
    println!("{{x}} = {x}");
    println!("{{{}}}", x);
    println!("{x}{x}{}", x + 1);
    println!("{:?} {:?}", x, flag);
    println!("{flag}");
    print!("no newline, ");
    print!("{} and {}", 1, 2);
    println!();
    println!("tab\tand \"quotes\"");
    let big: u64 = 18_446_744_073_709_551_615;
    println!("{big}");
    println!("{}-{}-{}", i8::MIN, 0u8, usize::MAX);
    print!("last line without newline");
}
