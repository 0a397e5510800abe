// title: Returning a Vec: get_years and find_highest_year
// teaches: The caller reserves the Vec's metadata (pointer, length and capacity: 24 bytes at 64-bit pointers, 12 at 32); the five years live on the heap, and the block is freed when find_highest_year, which owns it, returns.
fn get_years() -> Vec<i32> {
    return vec![1995, 2000, 2005, 2010, 2015];
}

fn find_highest_year(years: Vec<i32>) -> i32 {
    let mut highest = years[0];
    for i in 1..years.len() {
        if years[i] > highest {
            highest = years[i];
        }
    }
    highest
}

fn main() {
    let years = get_years();
    println!("The highest year is {}", find_highest_year(years));
    println!("All done!");
}
