//! Deep clones in memory: each Vec, String and Box inside the value gets a new block of
//! its own with the bytes copied, allocated in the order rustc's `Clone` allocates them
//! (a Box's block before its value's, a Vec's before its elements', fields in declaration
//! order), a Vec's or String's new block exactly as long as its length.

use stackheap::{Event, SettingsOverrides};

/// The sizes of the blocks allocated by the steps of line `line`, in order.
fn allocs_at(r: &stackheap::Run, line: u32) -> Vec<u32> {
    r.steps()
        .filter(|s| s.line == line)
        .flat_map(|s| s.events)
        .filter_map(|e| match e {
            Event::Alloc { size, .. } => Some(size),
            _ => None,
        })
        .collect()
}

#[test]
fn a_clone_allocates_in_rustcs_order_with_capacity_equal_to_length() {
    // rustc's global allocator, logging, sees for the clone of `b`: 56 2 48 1 2 (the Box's
    // block, `name`, `tags`' block, then each tag); for `v`: 48 1 2; for the list: 16 16
    // (the head's block first).
    let src = "\
#[derive(Clone)]
struct Named { name: String, n: i32, tags: Vec<String> }
#[derive(Clone)]
struct Node { value: i32, next: Option<Box<Node>> }
fn main() {
    let mut tags = Vec::with_capacity(10);
    tags.push(String::from(\"x\"));
    tags.push(String::from(\"yz\"));
    let b = Box::new(Named { name: String::from(\"ab\"), n: 1, tags });
    let c = b.clone();
    let v = vec![String::from(\"p\"), String::from(\"qq\")];
    let w = v.clone();
    let list = Some(Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) }));
    let l2 = list.clone();
    println!(\"{} {} {} {}\", c.tags.capacity(), c.tags[1], w[1], l2.unwrap().value + c.n);
}
";
    let r = stackheap::run(src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "2 yz qq 2\n");
    assert_eq!(allocs_at(&r, 10), [56, 2, 48, 1, 2]);
    assert_eq!(allocs_at(&r, 12), [48, 1, 2]);
    assert_eq!(allocs_at(&r, 14), [16, 16]);
    // The clone's `tags` block holds two Strings (48 bytes), not the original's ten slots;
    // each String of the clone is a block of its own holding the same bytes.
    let st = r.state_at(r.step_count() - 1);
    let c = st.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "c")
        .unwrap();
    let at = c.addr as usize;
    let boxed = u64::from_le_bytes(st.stack_bytes[at..at + 8].try_into().unwrap()) as usize;
    let word = |a: usize| u64::from_le_bytes(st.heap_bytes[a..a + 8].try_into().unwrap()) as usize;
    let name_ptr = word(boxed);
    assert_eq!(&st.heap_bytes[name_ptr..name_ptr + 2], b"ab");
    let b = st.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "b")
        .unwrap();
    let bat = b.addr as usize;
    let orig = u64::from_le_bytes(st.stack_bytes[bat..bat + 8].try_into().unwrap()) as usize;
    assert_ne!(
        word(orig),
        name_ptr,
        "the clone's name has a block of its own"
    );
}
