#[derive(Debug, Clone, Copy)]
struct Rect {
    w: u32,
    h: u32,
}

impl Rect {
    fn new(w: u32, h: u32) -> Rect {
        Rect { w, h }
    }

    fn square(side: u32) -> Self {
        Self { w: side, h: side }
    }

    fn area(&self) -> u32 {
        self.w * self.h
    }

    fn grow(&mut self, by: u32) {
        self.w += by;
        self.h = self.h + by;
    }

    fn fits_in(&self, other: &Rect) -> bool {
        self.w <= other.w && self.h <= other.h
    }

    fn flipped(self) -> Rect {
        Rect::new(self.h, self.w)
    }
}

fn main() {
    let mut r = Rect::new(3, 4);
    println!("{} {:?}", r.area(), r);
    r.grow(2);
    println!("{} {:?}", r.area(), r);
    let s = Rect::square(5);
    println!("{} {}", s.fits_in(&r), r.fits_in(&s));
    let f = r.flipped();
    println!("{:?} {:?}", f, r);
    println!("{}", Rect::new(2, 2).area() + Rect::square(3).area());
    let big = Rect { w: 100, ..s };
    println!("{}", big.flipped().area());
}
