// panic! with inline names, braces and a format flag in the message.
fn main() {
    let code: u32 = 255;
    let name_len = 3;
    for i in 0..5 {
        if i == name_len {
            panic!("{{state}} at step {i}: code={code:#x} pad=[{:>4}]", i * 2);
        }
        println!("step {i}");
    }
}
