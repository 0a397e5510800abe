// `swap(i, j)` of Vec, slice and array elements (structs that own memory too), as a
// by-hand sort and an in-place reversal use it.
#[derive(Debug, Clone)]
struct Student { name: String, grade: u32 }

fn bubble(v: &mut Vec<Student>) {
    let n = v.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if v[j].grade > v[j + 1].grade {
                v.swap(j, j + 1);
            }
        }
    }
}

fn reverse_in_place(s: &mut [i32]) {
    let n = s.len();
    for i in 0..n / 2 {
        s.swap(i, n - 1 - i);
    }
}

fn main() {
    let mut v = vec![
        Student { name: String::from("Cy"), grade: 70 },
        Student { name: String::from("Ann"), grade: 95 },
        Student { name: String::from("Bo"), grade: 82 },
        Student { name: String::from("Di"), grade: 60 },
    ];
    bubble(&mut v);
    for s in &v {
        println!("{} {}", s.name, s.grade);
    }
    let mut nums = vec![1, 2, 3, 4, 5];
    reverse_in_place(&mut nums);
    println!("{:?}", nums);
    let mut a = [10, 20, 30];
    a.swap(0, 2);
    println!("{:?}", a);
    nums.swap(1, 1);
    println!("{:?}", nums);
}
