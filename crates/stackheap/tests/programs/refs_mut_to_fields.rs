struct Counter {
    hits: u32,
    misses: u32,
    log: Vec<u8>,
}

fn incr(n: &mut u32) {
    *n += 1;
}

fn note(log: &mut Vec<u8>, b: u8) {
    log.push(b);
}

fn main() {
    let mut c = Counter { hits: 0, misses: 0, log: Vec::new() };
    incr(&mut c.hits);
    incr(&mut c.hits);
    incr(&mut c.misses);
    note(&mut c.log, 7);
    {
        let h = &mut c.hits;
        *h *= 10;
    }
    let r = &c;
    println!("{} {} {:?} {}", r.hits, r.misses, r.log, c.log.capacity());
}
