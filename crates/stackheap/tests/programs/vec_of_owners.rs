#[derive(Debug)]
struct Student {
    name: String,
    grades: Vec<u8>,
}

fn main() {
    let mut names: Vec<String> = Vec::new();
    names.push(String::from("Ann"));
    names.push(String::from("Bob"));
    let c = String::from("Cy");
    names.push(c);
    println!("{:?} {} {}", names, names.len(), names[1].len());
    for n in &names {
        print!("{n} ");
    }
    println!();
    names[0] = String::from("Anna");
    names[0].push_str("!");
    println!("{:?}", names);
    let last = names.pop();
    println!("{:?} {:?}", last, names);
    let grid = vec![vec![1, 2], vec![3]];
    println!("{:?} {}", grid, grid[0][1]);
    let mut class = vec![Student { name: String::from("Dee"), grades: vec![90, 80] }];
    class.push(Student { name: String::from("Eve"), grades: Vec::new() });
    class[1].grades.push(70);
    println!("{:?}", class);
    let words = vec!["a", "bb"];
    println!("{:?} {}", words, words[1].len());
    let cs = vec!['x', 'y'];
    println!("{:?}", cs);
}
