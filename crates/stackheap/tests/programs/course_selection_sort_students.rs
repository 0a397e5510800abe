// A program a memory course writes (see its name); it runs as rustc's build runs it.
#[derive(Debug, Clone)]
struct Student { name: String, grade: u32 }

fn selection_sort(v: &mut Vec<Student>) {
    for i in 0..v.len() {
        let mut min = i;
        for j in i + 1..v.len() {
            if v[j].grade < v[min].grade {
                min = j;
            }
        }
        if min != i {
            let tmp = v[i].clone();
            v[i] = v[min].clone();
            v[min] = tmp;
        }
    }
}

fn main() {
    let mut v = vec![
        Student { name: String::from("Cy"), grade: 70 },
        Student { name: String::from("Ann"), grade: 95 },
        Student { name: String::from("Bo"), grade: 82 },
    ];
    selection_sort(&mut v);
    for s in &v {
        println!("{} {}", s.name, s.grade);
    }
    let mut names: Vec<String> = Vec::new();
    for s in &v {
        names.push(s.name.clone());
    }
    println!("{:?}", names);
}
