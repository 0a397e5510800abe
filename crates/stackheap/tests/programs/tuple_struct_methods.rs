#[derive(Debug, Clone, Copy)]
struct Meters(u32);

#[derive(Debug, Clone, Copy)]
struct Span(Meters, Meters);

impl Meters {
    fn double(self) -> Meters {
        Meters(self.0 * 2)
    }
}

impl Span {
    fn len(&self) -> u32 {
        (self.1).0 - (self.0).0
    }

    fn stretch(&mut self, by: u32) {
        self.1 .0 += by;
    }
}

fn main() {
    let m = Meters(21);
    println!("{:?} {:?}", m, m.double());
    let mut s = Span(Meters(3), Meters(10));
    println!("{} {:?}", s.len(), s);
    s.stretch(5);
    println!("{} {:#?}", s.len(), s);
    let Span(a, Meters(b)) = s;
    println!("{:?} {}", a, b);
    println!("{} {}", std::mem::size_of::<Span>(), std::mem::size_of::<(Meters, u8)>());
}
