// stackheap: mode=manual
// title: Manual memory: dealloc only at the very end
// teaches: Freeing everything when the program ends is easy, but heap use only grows while it runs, as if every block leaked on purpose.
fn get_years() -> Vec<i32> {
    return vec![1995, 2000, 2005, 2010, 2015];
}

fn main() {
    let years = get_years();
    let decades = vec![1990, 2000, 2010];
    let more = vec![2020, 2025];
    println!("{} {} {}", years.len(), decades.len(), more.len());
    dealloc(years);
    dealloc(decades);
    dealloc(more);
}
