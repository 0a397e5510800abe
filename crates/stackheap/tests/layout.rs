//! Structs, tuples and arrays in memory: where their fields lie (rustc's order by default,
//! declared order under `#[repr(C)]`), padding bytes that stay unwritten on the grid, the
//! views' values and field lists, and the order Vec fields are dropped in.

use stackheap::{Event, SettingsOverrides};

fn run(source: &str) -> stackheap::Run {
    stackheap::run(source, &SettingsOverrides::default())
}

/// A variable's fields as (path, type, offset, size).
fn field_list(v: &stackheap::VariableView) -> Vec<(&str, &str, u32, u32)> {
    v.fields
        .iter()
        .map(|f| (f.name.as_str(), f.ty.as_str(), f.offset, f.size))
        .collect()
}

fn run32(source: &str) -> stackheap::Run {
    let src = format!("// stackheap: ptr-width=32\n{source}");
    stackheap::run(&src, &SettingsOverrides::default())
}

const PADDED: &str = "\
#[derive(Debug)]
#[repr(C)]
struct Padded {
    a: u8,
    b: u32,
    c: u16,
}
#[derive(Debug)]
struct Packed {
    a: u8,
    b: u32,
    c: u16,
}
fn main() {
    let p = Padded { a: 1, b: 2, c: 3 };
    let q = Packed { a: 4, b: 5, c: 6 };
    println!(\"{:?} {:?}\", p, q);
}
";

#[test]
fn repr_c_keeps_declared_order_with_padding() {
    let r = run(PADDED);
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    let end = r.step_count() - 1;
    let st = r.state_at(end);
    let main = &st.frames[0];
    let p = &main.variables[0];
    assert_eq!((p.name.as_str(), p.ty.as_str()), ("p", "Padded"));
    assert_eq!(p.size, 12);
    assert_eq!(p.value, "Padded { a: 1, b: 2, c: 3 }");
    let fields: Vec<(&str, u32, u32)> = p
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.offset, f.size))
        .collect();
    assert_eq!(fields, [("a", 0, 1), ("b", 4, 4), ("c", 8, 2)]);
    // Padding bytes 1..4 and 10..12 were never written.
    let base = p.addr as usize;
    let init: Vec<u8> = st.stack_init[base..base + 12].to_vec();
    assert_eq!(init, [1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0]);
    assert_eq!(st.stack_bytes[base], 1);
    assert_eq!(st.stack_bytes[base + 4], 2);
    assert_eq!(st.stack_bytes[base + 8], 3);
}

#[test]
fn default_layout_sorts_by_alignment() {
    let r = run(PADDED);
    let st = r.state_at(r.step_count() - 1);
    let q = &st.frames[0].variables[1];
    assert_eq!(q.size, 8);
    assert_eq!(q.value, "Packed { a: 4, b: 5, c: 6 }");
    let fields: Vec<(&str, u32)> = q
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.offset))
        .collect();
    assert_eq!(fields, [("b", 0), ("c", 4), ("a", 6)]);
    let base = q.addr as usize;
    assert_eq!(st.stack_init[base + 7], 0, "the last byte is padding");
}

const TEAM: &str = "\
struct Team {
    id: u8,
    scores: Vec<i32>,
    names: Vec<u8>,
}
fn main() {
    let t = Team { id: 7, scores: vec![1, 2], names: vec![3] };
    println!(\"{}\", t.id);
}
";

#[test]
fn vec_fields_own_their_blocks_and_drop_in_declaration_order() {
    let r = run(TEAM);
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    let allocs: Vec<String> = r
        .steps()
        .flat_map(|s| s.events)
        .filter_map(|e| match e {
            Event::Alloc { label, .. } => Some(label),
            _ => None,
        })
        .collect();
    assert_eq!(allocs, ["`t.scores`", "`t.names`"]);
    let last = r.step(r.step_count() - 1).unwrap();
    let frees: Vec<&str> = last
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Dealloc { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(frees, ["`t.scores`", "`t.names`"]);
    let st = r.state_at(1);
    let t = &st.frames[0].variables[0];
    assert_eq!(t.size, 56);
    assert_eq!(t.value, "Team { id: 7, scores: [1, 2], names: [3] }");
    assert_eq!(
        field_list(t),
        [
            ("scores", "Vec<i32>", 0, 24),
            ("names", "Vec<u8>", 24, 24),
            ("id", "u8", 48, 1)
        ]
    );
}

#[test]
fn layouts_follow_the_pointer_width() {
    let r = run32(TEAM);
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    let st = r.state_at(1);
    let t = &st.frames[0].variables[0];
    assert_eq!(t.size, 28);
    let src = "fn main() { println!(\"{} {}\", std::mem::size_of::<(u8, usize)>(), std::mem::size_of::<Vec<u8>>()); }";
    assert_eq!(run32(src).output(), "8 12\n");
    assert_eq!(run(src).output(), "16 24\n");
}

#[test]
fn tuples_and_arrays_show_as_debug_prints_them() {
    let src = "\
fn main() {
    let t = (1u8, -2i64, true);
    let a = [10u16, 20, 30];
    let z = [0u8; 40];
    println!(\"{}\", t.0 as usize + a.len() + z.len());
}
";
    let r = run(src);
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    let st = r.state_at(r.step_count() - 1);
    let vars = &st.frames[0].variables;
    assert_eq!(vars[0].value, "(1, -2, true)");
    assert_eq!(vars[0].size, 16);
    assert_eq!(vars[1].value, "[10, 20, 30]");
    assert!(vars[2].value.ends_with("… 8 more]"), "{}", vars[2].value);
    assert_eq!(r.output(), "44\n");
}

const METHOD: &str = "\
struct P {
    x: i32,
    y: i32,
}
impl P {
    fn sum(&self) -> i32 {
        let s = self.x + self.y;
        s
    }
}
fn main() {
    let p = P { x: 1, y: 2 };
    let r = &p;
    println!(\"{}\", r.sum());
}
";

#[test]
fn references_hold_tagged_stack_addresses_and_show_as_stack_indexes() {
    for (r, w) in [(run(METHOD), 8usize), (run32(METHOD), 4)] {
        assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
        assert_eq!(r.output(), "3\n");
        // After `let r = &p;`: `r` holds p's address with the pointer's top bit set.
        let st = r.state_at(2);
        let vars = &st.frames[0].variables;
        let (p, rv) = (&vars[0], &vars[1]);
        assert_eq!(rv.ty, "&P");
        assert_eq!(rv.size as usize, w);
        assert_eq!(rv.value, format!("stack[{}]", p.addr));
        let a = rv.addr as usize;
        let mut raw = [0u8; 8];
        raw[..w].copy_from_slice(&st.stack_bytes[a..a + w]);
        let tag = 1u64 << (w * 8 - 1);
        assert_eq!(u64::from_le_bytes(raw), p.addr as u64 | tag);
        // Inside `P::sum`, `self` is the same pointer.
        let inside = (0..r.step_count())
            .map(|i| r.state_at(i))
            .find(|s| s.frames.len() == 2)
            .expect("a step inside the method");
        let f = &inside.frames[1];
        assert_eq!(f.function, "P::sum");
        assert_eq!(f.variables[0].name, "self");
        assert_eq!(f.variables[0].value, format!("stack[{}]", p.addr));
    }
}

#[test]
fn nested_owners_drop_outer_fields_in_order_and_locals_in_reverse() {
    let src = "\
struct Inner {
    a: Vec<u8>,
    b: Vec<u8>,
}
struct Outer {
    head: Vec<u8>,
    inner: Inner,
    tail: Vec<u8>,
}
fn main() {
    let first = Outer { head: vec![1], inner: Inner { a: vec![2], b: vec![3] }, tail: vec![4] };
    let second = Inner { a: vec![5], b: vec![6] };
    println!(\"{}\", first.inner.b[0] + second.a[0]);
}
";
    let r = run(src);
    assert_eq!(r.output(), "8\n");
    let labels = |kind: &str| -> Vec<String> {
        r.steps()
            .flat_map(|s| s.events)
            .filter_map(|e| match (e, kind) {
                (Event::Alloc { label, .. }, "alloc") => Some(label),
                (Event::Dealloc { label, .. }, "dealloc") => Some(label),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        labels("alloc"),
        [
            "`first.head`",
            "`first.inner.a`",
            "`first.inner.b`",
            "`first.tail`",
            "`second.a`",
            "`second.b`"
        ]
    );
    assert_eq!(
        labels("dealloc"),
        [
            "`second.a`",
            "`second.b`",
            "`first.head`",
            "`first.inner.a`",
            "`first.inner.b`",
            "`first.tail`"
        ]
    );
}

#[test]
fn a_reference_to_a_vec_element_holds_a_heap_index() {
    let src = "\
fn main() {
    let v = vec![9, 8];
    let r = &v[1];
    println!(\"{}\", *r * 2);
}
";
    for r in [run(src), run32(src)] {
        assert_eq!(r.output(), "16\n");
        let st = r.state_at(2);
        let rv = &st.frames[0].variables[1];
        assert_eq!((rv.name.as_str(), rv.value.as_str()), ("r", "heap[4]"));
    }
}

#[test]
fn a_vec_of_structs_keeps_its_elements_in_one_heap_block() {
    let src = "\
#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
    y: u8,
}
fn main() {
    let mut v = vec![P { x: 1, y: 2 }];
    v.push(P { x: 3, y: 4 });
    println!(\"{}\", v[1].x);
}
";
    let r = run(src);
    assert_eq!(r.output(), "3\n");
    let st = r.state_at(2);
    let v = &st.frames[0].variables[0];
    assert_eq!(v.value, "[P { x: 1, y: 2 }, P { x: 3, y: 4 }]");
    // Two 8-byte elements (3 bytes of padding each) in a block of capacity 4.
    let live: Vec<(u32, u32)> = st
        .blocks
        .iter()
        .filter(|b| b.state == stackheap::BlockState::Live)
        .map(|b| (b.addr, b.size))
        .collect();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].1, 32);
    let a = live[0].0 as usize;
    assert_eq!(
        &st.heap_init[a..a + 16],
        &[1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0]
    );
}

/// The views at the first state whose frame's hidden bytes include `name`, for each loop.
fn hidden_at(r: &stackheap::Run, name: &str) -> Vec<(String, String, u32)> {
    (0..=r.step_count())
        .map(|n| r.state_at(n))
        .filter_map(|st| {
            let f = st.frames.last()?.clone();
            let found = f.hidden.iter().find(|h| h.name == name)?.clone();
            let i = f
                .variables
                .iter()
                .find(|v| v.name == "i" || v.name == "x")?;
            Some((found.ty, found.value, i.addr))
        })
        .collect()
}

#[test]
fn a_for_loops_hidden_state_is_shown_apart_from_the_variables() {
    let src = "\
fn main() {
    let v = vec![10, 20, 30];
    let mut t = 0;
    for i in 1..3 {
        t += v[i];
    }
    for x in 0..=2u8 {
        t += x as i32;
    }
    for (i, x) in v.iter().enumerate() {
        t += i as i32 * x;
    }
    println!(\"{}\", t);
}
";
    let r = run(src);
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    // `1..3` keeps its next value and its end, as rustc's `Range<usize>` does; `..=` also
    // keeps whether it is exhausted.
    let ranges = hidden_at(&r, "(range)");
    let values: Vec<&str> = ranges.iter().map(|(_, v, _)| v.as_str()).collect();
    assert!(values.contains(&"2..3"), "{ranges:?}");
    assert!(values.contains(&"3..3"), "{ranges:?}");
    assert!(values.contains(&"1..=2"), "{ranges:?}");
    assert!(ranges.iter().any(|(t, _, _)| t == "Range<usize>"));
    assert!(ranges.iter().any(|(t, _, _)| t == "RangeInclusive<u8>"));
    // Its fields are rustc's: `start` (the next value), `end`, and for `..=` `exhausted`.
    let st = (0..=r.step_count())
        .map(|n| r.state_at(n))
        .find(|st| {
            st.frames[0]
                .hidden
                .iter()
                .any(|h| h.ty == "RangeInclusive<u8>")
        })
        .unwrap();
    let h = st.frames[0]
        .hidden
        .iter()
        .find(|h| h.name == "(range)")
        .unwrap();
    assert_eq!(
        field_list(h),
        [
            ("start", "u8", 0, 1),
            ("end", "u8", 1, 1),
            ("exhausted", "bool", 2, 1)
        ]
    );
    // `.iter().enumerate()` keeps a slice of the elements, its index and the count.
    let counts = hidden_at(&r, "(count)");
    assert!(
        counts.iter().any(|(t, v, _)| t == "usize" && v == "1"),
        "{counts:?}"
    );
    assert!(!hidden_at(&r, "(index)").is_empty());
    // None of them is listed with the program's variables, and none overlaps one.
    for n in 0..=r.step_count() {
        let st = r.state_at(n);
        for f in &st.frames {
            for h in &f.hidden {
                assert!(h.name.starts_with('('), "{h:?}");
                assert!(f.variables.iter().all(|v| {
                    v.name != h.name && (h.addr + h.size <= v.addr || v.addr + v.size <= h.addr)
                }));
            }
        }
    }
}

#[test]
fn a_by_value_for_loop_shows_the_elements_it_has_moved_out_as_moved() {
    let src = "\
fn main() {
    let v = vec![String::from(\"ab\"), String::from(\"cd\"), String::from(\"ef\")];
    for s in v {
        println!(\"{}\", s);
    }
    let w = vec![1, 2, 3];
    for x in w {
        println!(\"{}\", x);
    }
    let mut u = Vec::new();
    for c in [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"] {
        u.push(String::from(c));
    }
    for s in u {
        print!(\"{}\", s);
    }
}
";
    let r = run(src);
    assert_eq!(r.output(), "ab\ncd\nef\n1\n2\n3\nabcdef");
    // Each turn moves one String out of the loop's Vec and drops it at the turn's end, so
    // the Vec shows those as moved rather than the freed bytes they pointed to.
    let seen: Vec<(String, String)> = (0..=r.step_count())
        .flat_map(|n| r.state_at(n).frames.first().map(|f| f.hidden.clone()))
        .flatten()
        .filter(|h| h.name == "(vec)")
        .map(|h| (h.ty, h.value))
        .collect();
    let strings: Vec<&str> = seen
        .iter()
        .filter(|(t, _)| t == "Vec<String>")
        .map(|(_, v)| v.as_str())
        .collect();
    for want in [
        r#"["ab", "cd", "ef"]"#,
        r#"[moved, "cd", "ef"]"#,
        r#"[moved, moved, "ef"]"#,
        "[moved, moved, moved]",
        // Past four, the moved ones are counted in one item.
        r#"[moved, moved, moved, moved, "e", "f"]"#,
        r#"[5 moved, "f"]"#,
        "[6 moved]",
    ] {
        assert!(strings.contains(&want), "{want} not in {strings:?}");
    }
    // Copied-out integers stay valid in the block, so they are all shown.
    assert!(seen
        .iter()
        .filter(|(t, _)| t == "Vec<i32>")
        .all(|(_, v)| v == "[1, 2, 3]"));
    assert!(seen.iter().any(|(t, _)| t == "Vec<i32>"));
}
