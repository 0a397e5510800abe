//! `String`, `&str` and `char` in memory: string literals in the read-only block at the
//! start of the heap, a `String`'s UTF-8 bytes in one heap block growing as a `Vec<u8>`,
//! `&str` as pointer and length, and how the views show them.

use stackheap::{BlockState, Event, SettingsOverrides};

fn run(source: &str) -> stackheap::Run {
    stackheap::run(source, &SettingsOverrides::default())
}

#[test]
fn literals_live_in_a_read_only_block() {
    let r = run("fn main() {\n    let a = \"hey\";\n    let b = \"you\";\n    let c = \"hey\";\n    println!(\"{a} {b} {c}\");\n}\n");
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "hey you hey\n");
    let st = r.state_at(r.step_count() - 1);
    let ro: Vec<_> = st.blocks.iter().filter(|b| b.read_only).collect();
    assert_eq!(ro.len(), 1);
    assert_eq!(
        (ro[0].addr, ro[0].size, ro[0].state),
        (0, 6, BlockState::Live)
    );
    assert_eq!(ro[0].label, "string literals (read-only)");
    assert_eq!(&st.heap_bytes[0..6], b"heyyou");
    // Each `&str` is a pointer and a length; equal literals share their bytes.
    let vars = &st.frames[0].variables;
    let c = vars.iter().find(|v| v.name == "c").unwrap();
    assert_eq!(
        (c.size, c.value.as_str(), c.ty.as_str()),
        (16, "\"hey\"", "&str")
    );
    let base = c.addr as usize;
    assert_eq!(
        st.stack_bytes[base..base + 16],
        [0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0]
    );
}

#[test]
fn push_str_grows_like_a_vec_of_bytes() {
    let r = run("fn main() {\n    let mut s = String::from(\"ab\");\n    s.push('c');\n    s.push_str(\"é!\");\n    println!(\"{} {} {}\", s, s.len(), s.capacity());\n}\n");
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "abcé! 6 8\n");
    // `String::from` allocates exactly 2 bytes; `push` relocates into 8 (alloc, copy, write,
    // free); the rest fits.
    let mut allocs = Vec::new();
    for i in 0..r.step_count() {
        for ev in r.step(i).map(|s| s.events).unwrap_or_default() {
            if let Event::Alloc { size, .. } = ev {
                allocs.push(size);
            }
        }
    }
    assert_eq!(allocs, [2, 8]);
    let st = r.state_at(r.step_count() - 1);
    let s = st.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "s")
        .unwrap();
    assert_eq!((s.size, s.value.as_str()), (24, "\"abcé!\""));
}

#[test]
fn a_char_is_four_bytes() {
    let r =
        run("fn main() {\n    let c = 'é';\n    println!(\"{} {:?} {}\", c, c, c as u32);\n}\n");
    assert_eq!(r.output(), "é 'é' 233\n");
    let st = r.state_at(r.step_count() - 1);
    let c = &st.frames[0].variables[0];
    assert_eq!((c.size, c.value.as_str()), (4, "'é'"));
    let base = c.addr as usize;
    assert_eq!(st.stack_bytes[base..base + 4], [233, 0, 0, 0]);
}

#[test]
fn a_slice_is_pointer_and_length_into_the_vecs_block() {
    let r = run("fn main() {\n    let v = vec![10u32, 20, 30, 40];\n    let s = &v[1..3];\n    println!(\"{:?} {}\", s, s.len());\n}\n");
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "[20, 30] 2\n");
    let st = r.state_at(r.step_count() - 1);
    let vars = &st.frames[0].variables;
    let s = vars.iter().find(|v| v.name == "s").unwrap();
    let block = st.blocks.iter().find(|b| !b.read_only).unwrap();
    assert_eq!((s.size, s.ty.as_str()), (16, "&[u32]"));
    assert_eq!(s.value, format!("2 elements at heap[{}]", block.addr + 4));
    let base = s.addr as usize;
    let ptr = u64::from_le_bytes(st.stack_bytes[base..base + 8].try_into().unwrap());
    let len = u64::from_le_bytes(st.stack_bytes[base + 8..base + 16].try_into().unwrap());
    assert_eq!((ptr, len), (block.addr as u64 + 4, 2));
    // No allocation for the slice: the Vec's block is the only one.
    assert_eq!(st.blocks.len(), 1);
}

/// The pointer and length of the `&str` variable `name` in the last state.
fn str_var(st: &stackheap::MemoryState, name: &str) -> (u64, u64) {
    let v = st.frames[0]
        .variables
        .iter()
        .find(|v| v.name == name)
        .unwrap();
    let base = v.addr as usize;
    let word = |at: usize| u64::from_le_bytes(st.stack_bytes[at..at + 8].try_into().unwrap());
    (word(base), word(base + 8))
}

#[test]
fn slices_and_trim_point_into_the_strings_block() {
    let r = run("fn main() {\n    let s = String::from(\"  hello world \");\n    let w = &s[8..];\n    let t = s.trim();\n    let b = s.as_bytes();\n    println!(\"[{w}] [{t}] {}\", b.len());\n}\n");
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "[world ] [hello world] 14\n");
    let st = r.state_at(r.step_count() - 1);
    // One block besides the literals: the String's; the views point into it.
    let blocks: Vec<_> = st.blocks.iter().filter(|b| !b.read_only).collect();
    assert_eq!(blocks.len(), 1);
    let at = blocks[0].addr as u64;
    assert_eq!(str_var(&st, "w"), (at + 8, 6));
    assert_eq!(str_var(&st, "t"), (at + 2, 11));
    assert_eq!(str_var(&st, "b"), (at, 14));
}

#[test]
fn to_uppercase_of_ascii_text_is_a_block_of_its_length_and_other_text_is_refused() {
    let r = run("fn main() {\n    let s = \"Hello, World\".to_uppercase();\n    println!(\"{} {} {}\", s, s.len(), s.capacity());\n}\n");
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "HELLO, WORLD 12 12\n");
    let allocs: Vec<u32> = r
        .steps()
        .flat_map(|s| s.events)
        .filter_map(|e| match e {
            Event::Alloc { size, .. } => Some(size),
            _ => None,
        })
        .collect();
    // The literals' block is allocated before the first step; then the new String's.
    assert_eq!(allocs, [12]);
    // The case of other text can take more bytes (Unicode's tables): not supported yet.
    let r = run("fn main() {\n    let s = \"straße\".to_uppercase();\n    println!(\"{s}\");\n}\n");
    let d = r.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(
        d.message,
        "`to_uppercase` of text that is not ASCII is not supported yet"
    );
}
