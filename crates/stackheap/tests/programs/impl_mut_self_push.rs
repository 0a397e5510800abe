struct Log {
    entries: Vec<u32>,
    total: u32,
}

impl Log {
    fn new() -> Log {
        Log { entries: Vec::new(), total: 0 }
    }

    fn record(&mut self, x: u32) {
        self.entries.push(x);
        self.total += x;
    }

    fn count(&self) -> usize {
        self.entries.len()
    }

    fn last(&self) -> u32 {
        self.entries[self.entries.len() - 1]
    }
}

fn main() {
    let mut log = Log::new();
    for i in 1..=5 {
        log.record(i * 10);
        println!("count {} cap {} total {}", log.count(), log.entries.capacity(), log.total);
    }
    println!("last {}", log.last());
    println!("{:?}", log.entries);
}
