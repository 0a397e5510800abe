// A program a memory course writes (see its name); it runs as rustc's build runs it.
#[derive(Debug)]
struct Tree { value: i32, left: Option<Box<Tree>>, right: Option<Box<Tree>> }

impl Tree {
    fn leaf(value: i32) -> Tree { Tree { value, left: None, right: None } }
    fn insert(&mut self, v: i32) {
        if v < self.value {
            match self.left {
                Some(ref mut l) => l.insert(v),
                None => self.left = Some(Box::new(Tree::leaf(v))),
            }
        } else {
            match &mut self.right {
                Some(r) => r.insert(v),
                None => self.right = Some(Box::new(Tree::leaf(v))),
            }
        }
    }
    fn sum(&self) -> i32 {
        let mut s = self.value;
        if let Some(l) = &self.left { s += l.sum(); }
        if let Some(r) = &self.right { s += r.sum(); }
        s
    }
    fn count(&self) -> usize {
        1
    }
}

fn main() {
    let mut t = Tree::leaf(5);
    for v in [3, 8, 1, 4] { t.insert(v); }
    println!("{}", t.sum());
}
