// `break value` gives a `loop` expression its value.
fn main() {
    let mut counter = 0;
    let result = loop {
        counter += 1;
        if counter == 10 {
            break counter * 2;
        }
    };
    println!("result = {result}");

    let mut n: u64 = 1;
    let steps = loop {
        if n > 1000 {
            break n;
        }
        n *= 3;
    };
    println!("first power of three above 1000: {steps}");

    let found: bool = loop {
        break true;
    };
    println!("{found}");

    let mut i = 0;
    while i < 5 {
        i += 1;
        if i == 3 {
            break;
        }
    }
    println!("i = {i}");
}
