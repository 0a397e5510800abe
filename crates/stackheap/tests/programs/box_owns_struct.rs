#[derive(Debug)]
struct Account {
    id: u32,
    balance: i64,
}

impl Account {
    fn summary(&self) -> i64 {
        self.id as i64 * 1000 + self.balance
    }

    fn add(&mut self, amt: i64) {
        self.balance += amt;
    }
}

fn deposit(a: &mut Account, amt: i64) {
    a.balance += amt;
}

fn make(id: u32) -> Box<Account> {
    Box::new(Account { id, balance: 0 })
}

fn main() {
    let mut b = make(7);
    deposit(&mut *b, 50);
    (*b).balance -= 8;
    (*b).add(1);
    println!("{} {} {}", (*b).id, (*b).balance, (*b).summary());
    println!("{:?}", b);
    let inner = &*b;
    println!("{:?}", inner);
    let c = Box::new(Account { id: 8, balance: -1 });
    let moved = c;
    println!("{:#?}", moved);
}
