// title: A struct that owns Vecs
// teaches: The struct's bytes are on the stack and each Vec's elements are in a heap block of their own; when the owner goes out of scope, the blocks are freed field by field.
#[derive(Debug)]
struct Gradebook {
    id: u8,
    scores: Vec<u32>,
    bonus: Vec<u32>,
}

impl Gradebook {
    fn new(id: u8) -> Gradebook {
        Gradebook { id, scores: Vec::new(), bonus: vec![5] }
    }

    fn add(&mut self, score: u32) {
        self.scores.push(score);
    }

    fn total(&self) -> u32 {
        let mut sum = 0;
        for i in 0..self.scores.len() {
            sum += self.scores[i];
        }
        sum + self.bonus[0]
    }
}

fn main() {
    let mut book = Gradebook::new(7);
    book.add(90);
    book.add(75);
    println!("{:?}", book);
    println!("total: {}", book.total());
}
