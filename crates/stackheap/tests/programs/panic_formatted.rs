// panic! with formatted arguments after some normal output.
fn check(n: i32) -> i32 {
    if n > 3 {
        panic!("n was {} which is more than {}", n, 3);
    }
    n * 10
}

fn main() {
    let mut i = 1;
    while i < 10 {
        println!("{}", check(i));
        i += 1;
    }
}
