// Matching an Option that owns memory: a temporary nobody takes from is dropped at the end
// of the match statement, after its arm; a guard that fails moves nothing, so the value
// stays with its variable.
fn name(id: u32) -> Option<String> {
    if id > 0 {
        Some(String::from("abc"))
    } else {
        None
    }
}

fn main() {
    match name(1) {
        Some(_) => println!("some"),
        None => println!("none"),
    }
    match name(2) {
        Some(s) if s.len() > 100 => println!("long {s}"),
        Some(s) => println!("short {s}"),
        None => {}
    }
    let o = Some(String::from("guarded"));
    match o {
        Some(s) if s.len() > 100 => println!("{s}"),
        _ => println!("no"),
    }
    println!("end");
}
