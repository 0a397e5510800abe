//! `Option<T>` in memory: a tag byte and the payload after it at its alignment, or no tag
//! at all when the payload has a niche (a reference's impossible all-ones pointer, a
//! `bool`'s values above 1), and the views' values and field lists.

use stackheap::SettingsOverrides;

fn run(source: &str) -> stackheap::Run {
    stackheap::run(source, &SettingsOverrides::default())
}

const SOURCE: &str = "\
fn main() {
    let a: Option<u32> = Some(7);
    let b: Option<u32> = None;
    let x = 5;
    let r = Some(&x);
    let n: Option<&i32> = None;
    let f = Some(true);
    let g: Option<bool> = None;
    println!(\"{:?} {:?} {:?} {:?} {:?} {:?}\", a, b, r, n, f, g);
}
";

#[test]
fn tagged_and_niche_layouts_in_stack_bytes() {
    let r = run(SOURCE);
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "Some(7) None Some(5) None Some(true) None\n");
    let st = r.state_at(r.step_count() - 1);
    let vars = &st.frames[0].variables;
    let var = |name: &str| vars.iter().find(|v| v.name == name).unwrap();
    let bytes = |name: &str| {
        let v = var(name);
        st.stack_bytes[v.addr as usize..(v.addr + v.size) as usize].to_vec()
    };
    let inits = |name: &str| {
        let v = var(name);
        st.stack_init[v.addr as usize..(v.addr + v.size) as usize].to_vec()
    };
    // Tagged: tag 1 at offset 0, padding 1..4 never written, the u32 at 4.
    let a = var("a");
    assert_eq!(
        (a.ty.as_str(), a.size, a.value.as_str()),
        ("Option<u32>", 8, "Some(7)")
    );
    assert_eq!(bytes("a"), [1, 0, 0, 0, 7, 0, 0, 0]);
    assert_eq!(inits("a"), [1, 0, 0, 0, 1, 1, 1, 1]);
    let fields: Vec<(&str, u32, u32)> = a
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.offset, f.size))
        .collect();
    assert_eq!(fields, [("tag", 0, 1), ("Some.0", 4, 4)]);
    // `None` writes only its tag; the payload's bytes stay unwritten.
    assert_eq!(var("b").value, "None");
    assert_eq!(inits("b"), [1, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(bytes("b")[0], 0);
    // A reference: no tag, the pointer itself; `None` is the all-ones pointer.
    let rv = var("r");
    let x = var("x").addr;
    assert_eq!(
        (rv.size, rv.value.clone()),
        (8, format!("Some(stack[{x}])"))
    );
    assert_eq!(var("n").value, "None");
    assert_eq!(bytes("n"), [0xff; 8]);
    // A bool: one byte, `None` is 2.
    assert_eq!((var("f").size, bytes("f")), (1, vec![1]));
    assert_eq!((var("g").size, bytes("g")), (1, vec![2]));
}

#[test]
fn niche_at_pointer_width_32() {
    let src = format!("// stackheap: ptr-width=32\n{SOURCE}");
    let r = stackheap::run(&src, &SettingsOverrides::default());
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    let st = r.state_at(r.step_count() - 1);
    let n = st.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "n")
        .unwrap();
    assert_eq!(n.size, 4);
    assert_eq!(
        st.stack_bytes[n.addr as usize..n.addr as usize + 4],
        [0xff; 4]
    );
}

#[test]
fn pop_writes_the_length_and_copies_the_element_out() {
    let r = run("fn main() {\n    let mut v = vec![3u8, 4];\n    let p = v.pop();\n    println!(\"{:?} {}\", p, v.len());\n}\n");
    assert_eq!(r.exit_code(), 0, "{:?}", r.diagnostics);
    assert_eq!(r.output(), "Some(4) 1\n");
    let st = r.state_at(r.step_count() - 1);
    let p = st.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "p")
        .unwrap();
    assert_eq!((p.size, p.value.as_str()), (2, "Some(4)"));
}
