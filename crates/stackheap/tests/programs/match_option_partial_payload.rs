// Patterns that take only part of an Option's payload (`Some(Student { name, .. })`,
// `Some((a, _))`): the rest stays in the variable, or in the matched temporary, and is
// dropped with it.
struct Student {
    name: String,
    grades: Vec<u32>,
}
fn make() -> Option<Student> {
    Some(Student { name: String::from("T"), grades: vec![1] })
}
fn main() {
    let last = Some(Student { name: String::from("Cy"), grades: vec![3, 4] });
    if let Some(Student { name, .. }) = last {
        println!("popped {}", name);
    }
    match make() {
        Some(Student { name, .. }) => println!("{}", name),
        None => {}
    }
    let pair = Some((String::from("a"), String::from("b")));
    if let Some((a, _)) = pair {
        println!("{}", a);
    }
}
