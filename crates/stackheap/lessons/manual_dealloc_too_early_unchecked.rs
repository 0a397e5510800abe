// stackheap: mode=manual checks=unchecked
// title: Use after free: dealloc too early (unchecked)
// teaches: Without checks the program reads whatever the bytes hold now: the "highest year" is a number from the recipes.
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
    dealloc(years);
    let recipes = vec![350, 180, 200, 45, 12];
    println!("The highest year is {}", find_highest_year(years));
    println!("All done!");
    dealloc(recipes);
}
