// stackheap: mode=manual
// title: Manual memory: dealloc right after the last use
// teaches: The best moment to free is just after the last use: here, between the two println! lines, so the block lives no longer than needed.
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
    dealloc(years);
    println!("All done!");
}
