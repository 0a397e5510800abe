// title: Arguments travel on the stack
// teaches: Each call reserves a return slot, then writes its arguments above it; the callee's locals go above those, and everything is given back on return.
fn print_number(n: i64) {
    println!("the number is {}", n);
}

fn add_numbers(a: i64, b: i64) -> i64 {
    let sum = a + b;
    print_number(sum);
    sum
}

fn main() {
    let total = add_numbers(5, 42);
    println!("total: {}", total);
}
