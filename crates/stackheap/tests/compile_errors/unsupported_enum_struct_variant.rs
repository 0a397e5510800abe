// unsupported 3:1: an item of kind `enum` is not supported yet
// errors 2
enum Shape {
    Circle(u32),
    Square { side: u32 },
}

fn main() {
    let shapes = vec![Shape::Circle(2), Shape::Square { side: 3 }];
    println!("{}", shapes.len());
}
