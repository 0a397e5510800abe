#[derive(Debug)]
struct Builder {
    text: String,
    parts: u32,
}

impl Builder {
    fn new() -> Self {
        Self { text: String::new(), parts: 0 }
    }

    fn add(&mut self, s: &str) {
        if self.parts > 0 {
            self.text.push(',');
        }
        self.text.push_str(s);
        self.parts += 1;
    }

    fn finish(self) -> String {
        self.text
    }
}

fn main() {
    let mut b = Builder::new();
    b.add("one");
    println!("{} {}", b.text.len(), b.text.capacity());
    b.add("two");
    println!("{} {}", b.text.len(), b.text.capacity());
    b.add("three");
    println!("{:?}", b);
    let s = b.finish();
    println!("{s} {} {}", s.len(), s.capacity());
}
