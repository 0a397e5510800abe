// Bubble sort of a Vec<i32>, printing the Vec after every pass.
fn bubble_sort(mut v: Vec<i32>) -> Vec<i32> {
    let n = v.len();
    let mut pass = 0;
    loop {
        let mut swapped = false;
        let mut i = 1;
        while i < n - pass {
            if v[i - 1] > v[i] {
                let tmp = v[i - 1];
                v[i - 1] = v[i];
                v[i] = tmp;
                swapped = true;
            }
            i += 1;
        }
        pass += 1;
        println!("pass {pass}: {:?}", v);
        if !swapped {
            break;
        }
    }
    v
}

fn main() {
    let v = vec![38, -5, 27, 0, 99, 12, -40, 12, 7, 3];
    println!("before: {:?}", v);
    let v = bubble_sort(v);
    println!("after: {:?}", v);
    let single = bubble_sort(vec![1]);
    println!("{:?}", single);
}
