fn main() {
    let v = [
        (-5i32).to_string(), i32::MIN.to_string(), 5u8.to_string(), (-5i8).to_string(),
        5u64.to_string(), 5usize.to_string(), 5i16.to_string(), 5u16.to_string(), 5i8.to_string(), 5isize.to_string(),
    ];
    for s in &v {
        println!("{:?} {} {}", s, s.len(), s.capacity());
    }
}
