// `Option::as_ref` and `as_mut`, and `first()` / `last()` of Vecs, slices and arrays: an
// `Option` of a reference into the value, no copy; `while let Some(top) = stack.last()`.
struct Stack { items: Vec<i32> }
impl Stack {
    fn peek(&self) -> Option<&i32> { self.items.last() }
}
fn main() {
    let name = Some(String::from("Ada"));
    if let Some(n) = name.as_ref() {
        println!("{} has {} bytes", n, n.len());
    }
    println!("{:?}", name);
    let mut count = Some(1);
    if let Some(c) = count.as_mut() {
        *c += 41;
    }
    println!("{:?}", count);
    let none: Option<String> = None;
    println!("{}", none.as_ref().is_none());
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.last() {
        println!("top {}", top);
        if *top == 1 {
            break;
        }
        stack.pop();
    }
    let empty: Vec<i32> = Vec::new();
    println!("{:?} {:?} {:?}", empty.first(), stack.first(), stack.last());
    let words = vec![String::from("x"), String::from("yz")];
    match words.last() {
        Some(w) => println!("last word {}", w),
        None => println!("no words"),
    }
    let arr = [4, 5, 6];
    println!("{:?} {:?}", arr.first(), arr.last());
    let sl = &arr[1..];
    println!("{:?}", sl.first());
    let s = Stack { items: vec![9, 8] };
    println!("{:?}", s.peek());
    let mut o = Some(String::from("a"));
    if let Some(t) = o.as_mut() {
        t.push_str("bc");
    }
    println!("{:?}", o);
}
