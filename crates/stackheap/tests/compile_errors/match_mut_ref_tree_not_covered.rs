// error[E0004] 4:11: non-exhaustive patterns: `&mut None` not covered
struct Tree { left: Option<Box<Tree>>, value: i32 }
fn f(t: &mut Option<Box<Tree>>) -> i32 {
    match t {
        Some(n) => n.value,
    }
}
fn main() { println!("{}", f(&mut None)); }
