// A course-style program: a Vec of structs walked with `.iter().enumerate()`, an
// `Option<u32>` average, a function returning `Option<&Student>` with a lifetime, and a
// popped struct taken apart in `if let`.
#[derive(Debug)]
struct Student {
    name: String,
    grades: Vec<u32>,
    id: u32,
}

fn average(grades: &[u32]) -> Option<u32> {
    if grades.is_empty() {
        return None;
    }
    let mut sum = 0;
    for g in grades {
        sum += g;
    }
    Some(sum / grades.len() as u32)
}

fn best<'a>(students: &'a Vec<Student>) -> Option<&'a Student> {
    let mut top: Option<&Student> = None;
    for s in students {
        match top {
            None => top = Some(s),
            Some(t) => {
                if s.grades.len() > t.grades.len() {
                    top = Some(s);
                }
            }
        }
    }
    top
}

fn main() {
    let mut roster = Vec::new();
    roster.push(Student { name: String::from("Ada"), grades: vec![90, 85], id: 1 });
    roster.push(Student { name: String::from("Bo"), grades: vec![70], id: 2 });
    roster.push(Student { name: String::from("Cy"), grades: Vec::new(), id: 3 });
    for (i, s) in roster.iter().enumerate() {
        match average(&s.grades) {
            Some(a) => println!("{} {} {}", i, s.name, a),
            None => println!("{} {} no grades", i, s.name),
        }
    }
    if let Some(b) = best(&roster) {
        println!("best: {:?}", b);
    }
    let last = roster.pop();
    if let Some(Student { name, grades, .. }) = last {
        println!("popped {} {:?}", name, grades);
    }
}
