#[derive(Debug, Clone, Copy)]
struct Rect {
    w: u32,
    h: u32,
}

impl Rect {
    fn square(s: u32) -> Rect {
        Rect { w: s, h: s }
    }

    fn area(&self) -> u32 {
        self.w * self.h
    }

    fn scale(&mut self, k: u32) {
        self.w *= k;
        self.h *= k;
    }

    fn rotated(self) -> Rect {
        Rect { w: self.h, h: self.w }
    }
}

fn main() {
    let mut r = Rect { w: 2, h: 5 };
    println!("{}", r.area());
    r.scale(3);
    let t = r.rotated();
    println!("{:?} {:?} {}", r, t, t.area());
    let s = Rect::square(4);
    let big = Rect { w: 100, ..s };
    println!("{:?} {:?}", s, big);
    let refr = &mut r;
    refr.scale(2);
    println!("{}", r.area());
}
