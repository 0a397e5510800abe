//! Drop order as rustc drops: temporaries at the end of their statement, an assigned owner's
//! old value after the new one is made, locals in reverse order of declaration (shadowed
//! ones too), a struct's fields in declaration order, a moved argument when the callee
//! returns; each drop a visible event in its step.

use stackheap::{Event, SettingsOverrides};

const SOURCE: &str = "\
struct Pair {
    a: String,
    b: Box<i32>,
}

fn len_of(s: String) -> usize {
    s.len()
}

fn main() {
    println!(\"{}\", format!(\"a{}\", 1));
    let n = String::from(\"abc\").len();
    let mut s = String::from(\"first\");
    s = String::from(\"second\");
    let p = Pair { a: String::from(\"x\"), b: Box::new(1) };
    let k = len_of(String::from(\"tmp\"));
    let s = String::from(\"shadow\");
    println!(\"{n} {k} {s} {}\", p.a);
}
";

/// Each step's line and its allocator events, as `alloc LABEL` / `free LABEL` / `print`.
fn steps(r: &stackheap::Run) -> Vec<(u32, Vec<String>)> {
    (0..r.step_count())
        .filter_map(|i| r.step(i))
        .map(|s| {
            let evs = s
                .events
                .iter()
                .filter_map(|e| match e {
                    Event::Alloc { label, .. } => Some(format!("alloc {label}")),
                    Event::Dealloc { label, .. } => Some(format!("free {label}")),
                    Event::Output { .. } => Some("print".to_string()),
                    _ => None,
                })
                .collect();
            (s.line, evs)
        })
        .collect()
}

#[test]
fn drops_happen_where_rustc_drops() {
    let r = stackheap::run(SOURCE, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "a1\n3 3 shadow x\n");
    let s = steps(&r);
    let at = |line: u32| -> Vec<String> {
        s.iter()
            .filter(|(l, _)| *l == line)
            .flat_map(|(_, e)| e.clone())
            .collect()
    };
    // The `format!` temporary lives until its statement has printed.
    assert_eq!(
        at(11),
        [
            "alloc a temporary format!",
            "print",
            "free a temporary format!"
        ]
    );
    // A temporary in a `let` initializer is gone by the end of the `let`.
    assert_eq!(
        at(12),
        [
            "alloc a temporary String::from",
            "free a temporary String::from"
        ]
    );
    // Assignment: the new String is made (already `s`'s), then the old one freed.
    assert_eq!(at(14), ["alloc `s`", "free `s`"]);
    // The argument moved into `len_of` is freed when `len_of` returns (line 8's step).
    assert_eq!(at(8), ["free a temporary String::from"]);
    // End of `main`: reverse declaration order, the struct's fields in declaration order.
    assert_eq!(at(19), ["free `s`", "free `p.a`", "free `p.b`", "free `s`"]);
}

#[test]
fn an_option_that_owns_memory_is_dropped_by_whoever_owns_the_payload() {
    let src = "\
fn name(id: u32) -> Option<String> {
    if id == 1 { Some(String::from(\"Ann\")) } else { None }
}

fn main() {
    let a = name(1);
    match a {
        Some(n) => println!(\"{n}\"),
        None => println!(\"none\"),
    }
    match name(1) {
        Some(_) => println!(\"some\"),
        None => {}
    }
    let b = name(1);
    let c = name(2);
    println!(\"{:?} {:?}\", b, c);
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "Ann\nsome\nSome(\"Ann\") None\n");
    let s = steps(&r);
    let frees: Vec<(u32, String)> = s
        .iter()
        .flat_map(|(l, e)| {
            e.iter()
                .filter(|x| x.starts_with("free"))
                .map(move |x| (*l, x.clone()))
        })
        .collect();
    // `n` took the payload and is freed at the end of its arm; the scrutinee temporary of
    // the second match at the end of that statement; `b` at the end of `main` (`c` is None).
    assert_eq!(
        frees,
        [
            (8, "free `n`".to_string()),
            (12, "free String::from returned by `name`".to_string()),
            (18, "free String::from returned by `name`".to_string()),
        ]
    );
}

#[test]
fn a_vec_of_strings_frees_each_string_then_its_block() {
    let src = "fn main() {\n    let v = vec![String::from(\"a\"), String::from(\"b\")];\n    println!(\"{:?}\", v);\n}\n";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    let s = steps(&r);
    let (_, last) = s.last().unwrap();
    assert_eq!(
        last,
        &[
            "free `v[0]`".to_string(),
            "free `v[1]`".to_string(),
            "free `v`".to_string()
        ]
    );
}

#[test]
fn a_partially_moved_struct_drops_only_the_fields_it_still_owns() {
    let src = "\
struct Person {
    name: String,
    items: Vec<i32>,
    tag: String,
}

fn main() {
    let p = Person { name: String::from(\"Ada\"), items: vec![1, 2], tag: String::from(\"t\") };
    let n = p.name;
    println!(\"{} {}\", n, p.tag);
    let q = Person { name: String::from(\"Bo\"), items: vec![3], tag: String::from(\"u\") };
    if n.len() == 3 {
        let taken = q.items;
        println!(\"{:?}\", taken);
    }
    let (a, _) = (String::from(\"kept\"), String::from(\"dropped\"));
    println!(\"{a}\");
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "Ada t\n[3]\nkept\n");
    let s = steps(&r);
    let at = |line: u32| -> Vec<String> {
        s.iter()
            .filter(|(l, _)| *l == line)
            .flat_map(|(_, e)| e.clone())
            .collect()
    };
    // The moved field is not freed with its old struct: `taken` frees it at its block's end.
    assert_eq!(at(15), ["free `taken`"]);
    // The part of a temporary that no name takes is dropped at the end of the `let`.
    assert_eq!(
        at(16),
        [
            "alloc a temporary String::from",
            "alloc a temporary String::from",
            "free a temporary String::from"
        ]
    );
    // End of `main`: `a`, then what `q` still owns (not `q.items`), then `n`, then what `p`
    // still owns (not `p.name`), each struct's fields in declaration order.
    assert_eq!(
        at(18),
        [
            "free `a`",
            "free `q.name`",
            "free `q.tag`",
            "free `n`",
            "free `p.items`",
            "free `p.tag`"
        ]
    );
    // Meanwhile the view shows `p.name` as moved out, and `p` itself as not moved.
    let after_move = (0..r.step_count())
        .find(|&i| r.step(i).is_some_and(|st| st.line == 10))
        .unwrap();
    let state = r.state_at(after_move + 1);
    let p = state.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "p")
        .unwrap();
    assert!(!p.moved);
    let moved: Vec<&str> = p
        .fields
        .iter()
        .filter(|f| f.moved)
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(moved, ["name"]);
}

#[test]
fn a_vec_walked_by_value_drops_each_element_at_the_end_of_its_turn() {
    let src = "\
fn main() {
    let names = vec![String::from(\"Ada\"), String::from(\"Bo\"), String::from(\"Cy\")];
    for name in names {
        if name.len() == 2 {
            break;
        }
        println!(\"{name}\");
    }
    println!(\"done\");
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "Ada\ndone\n");
    let frees: Vec<(u32, String)> = steps(&r)
        .into_iter()
        .flat_map(|(l, e)| {
            e.into_iter()
                .filter(|x| x.starts_with("free"))
                .map(move |x| (l, x))
        })
        .collect();
    // `Ada` at the end of its turn; at the `break`, `Bo` (the turn's variable), then `Cy`
    // (never taken), then the Vec's block.
    assert_eq!(
        frees,
        [
            (8, "free `name`".to_string()),
            (5, "free `name`".to_string()),
            (5, "free `names[2]`".to_string()),
            (5, "free `names`".to_string()),
        ]
    );
}

#[test]
fn what_a_pattern_leaves_in_an_option_is_dropped_with_it() {
    let src = "\
struct Student {
    name: String,
    grades: Vec<u32>,
}

fn make() -> Option<Student> {
    Some(Student { name: String::from(\"T\"), grades: vec![1] })
}

fn main() {
    let last = Some(Student { name: String::from(\"Cy\"), grades: vec![3, 4] });
    if let Some(Student { name, .. }) = last {
        println!(\"{name}\");
    }
    match make() {
        Some(Student { name, .. }) => println!(\"{name}\"),
        None => {}
    }
    println!(\"end\");
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "Cy\nT\nend\n");
    let frees: Vec<(u32, String)> = steps(&r)
        .into_iter()
        .flat_map(|(l, e)| {
            e.into_iter()
                .filter(|x| x.starts_with("free"))
                .map(move |x| (l, x))
        })
        .collect();
    // `name` at the end of its arm; the grades the first pattern left stay in `last` until
    // the end of `main`; those left in the matched temporary go with it after the arm.
    assert_eq!(
        frees,
        [
            (13, "free `name`".to_string()),
            (16, "free `name`".to_string()),
            (16, "free vec! returned by `make`".to_string()),
            (20, "free a temporary vec!".to_string()),
        ]
    );
}

/// Every alloc and free of a run, in order, with the line of its step.
fn heap_events(r: &stackheap::Run) -> Vec<(u32, String)> {
    steps(r)
        .into_iter()
        .flat_map(|(l, e)| {
            e.into_iter()
                .filter(|x| !x.starts_with("print"))
                .map(move |x| (l, x))
        })
        .collect()
}

#[test]
fn a_box_whose_value_moved_out_frees_its_block_where_the_box_would_drop() {
    // As rustc does: `let p = *b;` copies the value out and frees nothing; the block is
    // freed when `b` is assigned again (after the new value is made) or goes out of scope.
    let src = "\
struct Named { name: String, n: i32 }
fn main() {
    let mut b = Box::new(Named { name: String::from(\"abc\"), n: 1 });
    let p = *b;
    b = Box::new(Named { name: String::from(\"de\"), n: 2 });
    println!(\"{} {} {}\", p.name, p.n, b.name);
    let c = Box::new(Named { name: String::from(\"f\"), n: 3 });
    let q = *c;
    println!(\"{}\", q.n);
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "abc 1 de\n3\n");
    let ev = |l: u32, s: &str| (l, s.to_string());
    assert_eq!(
        heap_events(&r),
        [
            ev(3, "alloc `b.name`"),
            ev(3, "alloc `b`"),
            // The new value is `b`'s from the start; then the old one is freed.
            ev(5, "alloc `b.name`"),
            ev(5, "alloc `b`"),
            ev(5, "free `b`"),
            ev(7, "alloc `c.name`"),
            ev(7, "alloc `c`"),
            // End of `main`, in reverse order of declaration: `q`, `c`'s block, `p`, `b`.
            ev(10, "free `q.name`"),
            ev(10, "free `c`"),
            ev(10, "free `p.name`"),
            ev(10, "free `b.name`"),
            ev(10, "free `b`"),
        ]
    );
}

#[test]
fn a_borrowed_temporary_lives_to_the_end_of_its_statement_or_of_the_lets_block() {
    // As rustc: a temporary borrowed by a `let` is dropped at the end of the block, in
    // reverse order with the locals; one borrowed in an argument at the end of its statement.
    let src = "\
fn take(s: &String) -> usize { s.len() }
fn main() {
    let a = String::from(\"a\");
    {
        let r: &String = &String::from(\"bb\");
        let n = take(&String::from(\"dddd\"));
        let t: &str = &String::from(\"eeeee\");
        println!(\"{a} {r} {n} {t}\");
    }
    println!(\"{}\", a.len());
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "a bb 4 eeeee\n1\n");
    let ev = |l: u32, s: &str| (l, s.to_string());
    let tmp = "a temporary String::from";
    assert_eq!(
        heap_events(&r),
        [
            ev(3, "alloc `a`"),
            ev(5, &format!("alloc {tmp}")),
            ev(6, &format!("alloc {tmp}")),
            ev(6, &format!("free {tmp}")),
            ev(7, &format!("alloc {tmp}")),
            ev(9, &format!("free {tmp}")),
            ev(9, &format!("free {tmp}")),
            ev(11, "free `a`"),
        ]
    );
    // The block's end frees the `eeeee` temporary first, then the `bb` one.
    let frees: Vec<u32> = (0..r.step_count())
        .filter_map(|i| r.step(i))
        .filter(|s| s.line == 9)
        .flat_map(|s| s.events)
        .filter_map(|e| match e {
            Event::Dealloc { size, .. } => Some(size),
            _ => None,
        })
        .collect();
    assert_eq!(frees, [5, 2]);
}

/// The blocks freed over a run, each as the number of its allocation (0 for the first
/// block allocated, ...), in the order they were freed.
fn free_order(r: &stackheap::Run) -> Vec<usize> {
    let mut live: Vec<(u32, usize)> = Vec::new();
    let mut count = 0;
    let mut out = Vec::new();
    for step in r.steps() {
        for ev in step.events {
            match ev {
                Event::Alloc { addr, .. } => {
                    live.push((addr, count));
                    count += 1;
                }
                Event::Dealloc { addr, .. } => {
                    if let Some(k) = live.iter().position(|b| b.0 == addr) {
                        out.push(live.remove(k).1);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn a_linked_list_and_a_tree_are_freed_in_rustcs_order() {
    // Dropping a `Box<Node>` drops the node's fields first (its `next`, the rest of the
    // list), then frees the node's own block: the last node's block goes first, the head's
    // last. A tree drops `left`, then `right` (declaration order), then the node. rustc's
    // global allocator, logging, frees: list 0 1 2; tree 3 ... 7 inserted 5, 3, 8, 1, 4 as
    // 6 7 4 5 3.
    let src = "\
struct Node { value: i32, next: Option<Box<Node>> }
struct Tree { left: Option<Box<Tree>>, value: i32, right: Option<Box<Tree>> }
fn push(head: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, next: head }))
}
fn insert(node: &mut Option<Box<Tree>>, v: i32) {
    if let Some(n) = node.as_mut() {
        if v < n.value { insert(&mut n.left, v); } else { insert(&mut n.right, v); }
    } else {
        *node = Some(Box::new(Tree { left: None, value: v, right: None }));
    }
}
fn main() {
    {
        let mut list = None;
        for i in 1..=3 { list = push(list, i); }
        println!(\"{}\", list.as_ref().unwrap().value);
    }
    {
        let mut t = None;
        for v in [5, 3, 8, 1, 4] { insert(&mut t, v); }
    }
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "3\n");
    assert_eq!(free_order(&r), [0, 1, 2, 6, 7, 4, 5, 3]);
}

#[test]
fn a_ten_thousand_node_list_drops_without_deep_recursion_in_the_engine() {
    // The drop glue of a node refers to itself; the machine keeps the pending work on its
    // own list, so dropping goes as deep as the data without using the engine's stack.
    let src = "\
struct Node { value: u32, next: Option<Box<Node>> }
fn main() {
    let mut list: Option<Box<Node>> = None;
    let mut i = 0;
    while i < 10000 {
        list = Some(Box::new(Node { value: i, next: list }));
        i += 1;
    }
    let mut sum = 0;
    let mut cur = list.as_ref();
    while let Some(node) = cur {
        sum += node.value;
        cur = node.next.as_ref();
    }
    println!(\"{sum}\");
}
";
    // A thread with a small stack of its own: the drop must not need more.
    let r = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || stackheap::run(src, &SettingsOverrides::default()))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "49995000\n");
    let order = free_order(&r);
    assert_eq!(order.len(), 10_000);
    // The first node made (the list's tail) is freed first, the head last.
    assert!(
        order.windows(2).all(|w| w[0] + 1 == w[1]),
        "freed out of order"
    );
}

#[test]
fn moves_out_of_structs_and_boxes_leave_the_rest_to_drop_in_rustcs_order() {
    // A struct whose list field stays after another field moved out drops the list with
    // its part's flag (the tail's node first); a list field moved out and assigned anew
    // drops only the new list with the struct; a Box whose only owning field moved out
    // frees its block where the Box goes; a loop variable whose Box value moved out frees
    // the block at the end of its turn, after the new owner.
    let src = "\
struct Node { value: i32, next: Option<Box<Node>> }
struct Stack { name: String, top: Option<Box<Node>> }
struct Person { name: String, age: u32 }
fn push(top: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, next: top }))
}
fn main() {
    let s = Stack { name: String::from(\"s\"), top: push(push(None, 1), 2) };
    let n = s.name;
    println!(\"{}\", n);
    let mut t = Stack { name: String::from(\"t\"), top: push(None, 3) };
    let top = t.top;
    t.top = push(None, 4);
    drop(top);
    let b = Box::new(Person { name: String::from(\"Ada\"), age: 36 });
    let m = b.name;
    println!(\"{} {} {}\", m, b.age, t.name);
    let people = vec![Box::new(Person { name: String::from(\"Bo\"), age: 1 })];
    for p in people {
        let q = *p;
        println!(\"{}\", q.age);
    }
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "s\nAda 36 t\n1\n");
    let ev = |l: u32, s: &str| (l, s.to_string());
    let pushed = "Box::new returned by `push`";
    assert_eq!(
        heap_events(&r),
        [
            ev(8, "alloc `s.name`"),
            ev(5, &format!("alloc {pushed}")),
            ev(5, &format!("alloc {pushed}")),
            ev(11, "alloc `t.name`"),
            ev(5, &format!("alloc {pushed}")),
            ev(5, &format!("alloc {pushed}")),
            ev(14, "free `top`"),
            ev(15, "alloc `b.name`"),
            ev(15, "alloc `b`"),
            ev(18, "alloc `people`"),
            ev(18, "alloc `people[0].name`"),
            ev(18, "alloc `people[0]`"),
            // The end of a turn: `q`, then the block of `p`, whose value moved into `q`.
            ev(22, "free `q.name`"),
            ev(22, "free `p`"),
            ev(19, "free `people`"),
            // The end of `main`, in reverse order of declaration: `m`, `b`'s block, `t`
            // (its name, then the list assigned to its `top`), `n`, and what is left of `s`:
            // its list, the tail's node first.
            ev(23, "free `m`"),
            ev(23, "free `b`"),
            ev(23, "free `t.name`"),
            ev(23, "free `t.top`"),
            ev(23, "free `n`"),
            ev(23, &format!("free {pushed}")),
            ev(23, "free `s.top`"),
        ]
    );
    // The blocks by allocation: `s`'s list is nodes 1 (value 1) and 2 (value 2).
    assert_eq!(free_order(&r), [4, 9, 10, 8, 6, 7, 3, 5, 0, 1, 2]);
}

#[test]
fn a_long_list_in_a_struct_field_drops_by_its_part_without_deep_recursion() {
    // The struct's other field moved out, so the list is dropped through its own part's
    // drop flag; that drop is as iterative as any other.
    let src = "\
struct Node { value: u32, next: Option<Box<Node>> }
struct List { name: String, head: Option<Box<Node>> }
fn main() {
    let mut list = List { name: String::from(\"numbers\"), head: None };
    let mut i = 0;
    while i < 10000 {
        list.head = Some(Box::new(Node { value: i, next: list.head.take() }));
        i += 1;
    }
    let name = list.name;
    println!(\"{} {}\", name, list.head.as_ref().unwrap().value);
}
";
    let r = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || stackheap::run(src, &SettingsOverrides::default()))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "numbers 9999\n");
    let order = free_order(&r);
    assert_eq!(order.len(), 10_001);
    // `name` first (declared last), then the list from its tail (node 1, made first).
    assert_eq!(order[0], 0);
    assert!(
        order[1..].windows(2).all(|w| w[0] + 1 == w[1]),
        "freed out of order"
    );
}

#[test]
fn let_underscore_of_a_borrowed_temporary_keeps_it_to_the_end_of_the_block() {
    // `let _ = &f();` binds nothing but still extends the borrowed temporary, as any `let`
    // does; `let _ = f();` drops its temporary at the end of the statement.
    let src = "\
fn main() {
    let a = String::from(\"a\");
    {
        let _ = &String::from(\"bb\");
        let _ = String::from(\"ccc\");
        println!(\"{}\", a);
    }
    println!(\"{}\", a.len());
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "a\n1\n");
    let ev = |l: u32, s: &str| (l, s.to_string());
    let tmp = "a temporary String::from";
    assert_eq!(
        heap_events(&r),
        [
            ev(2, "alloc `a`"),
            ev(4, &format!("alloc {tmp}")),
            ev(5, &format!("alloc {tmp}")),
            ev(5, &format!("free {tmp}")),
            ev(7, &format!("free {tmp}")),
            ev(9, "free `a`"),
        ]
    );
}

#[test]
fn a_field_of_a_boxs_value_moved_out_and_given_back_is_dropped_with_the_box() {
    // `b.next = ..` after `let n = b.next;` drops nothing (the old value is `n`'s), and
    // the Box owns all of its value again: the new `next` is dropped with it, before its
    // block, as rustc drops it.
    let src = "\
#[derive(Debug)]
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let mut b = Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) });
    let n = b.next;
    b.next = Some(Box::new(Node { value: 3, next: None }));
    println!(\"{:?} {:?}\", n, b);
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(
        r.output(),
        "Some(Node { value: 2, next: None }) Node { value: 1, next: Some(Node { value: 3, next: None }) }\n"
    );
    let ev = |l: u32, s: &str| (l, s.to_string());
    assert_eq!(
        heap_events(&r),
        [
            ev(4, "alloc `b.next`"),
            ev(4, "alloc `b`"),
            ev(6, "alloc `b.next`"),
            ev(8, "free `n`"),
            ev(8, "free `b.next`"),
            ev(8, "free `b`"),
        ]
    );
}
