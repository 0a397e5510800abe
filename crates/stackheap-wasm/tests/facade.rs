//! wasm-bindgen tests of the facade's JavaScript API, run under node by
//! `wasm-pack test --node crates/stackheap-wasm` (part of `cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use stackheap::lessons;
use stackheap_wasm::{default_settings, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

fn num(obj: &JsValue, key: &str) -> f64 {
    get(obj, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

/// An example program's source (the page gets them from `lessons.json`, which
/// `cargo xtask build` writes from the same files).
fn lesson(name: &str) -> String {
    lessons::get(name).unwrap().source.to_string()
}

fn heap_years() -> String {
    lesson("heap_years")
}

#[wasm_bindgen_test]
fn defaults_are_the_engines() {
    let s = default_settings().unwrap();
    assert_eq!(num(&s, "stack_size"), 262144.0);
    assert_eq!(get(&s, "ptr_width").as_string().unwrap(), "64");
    assert_eq!(get(&s, "allocator").as_string().unwrap(), "first-fit");
}

#[wasm_bindgen_test]
fn runs_and_reads_memory_at_a_step() {
    let mut s = Session::new(&heap_years(), JsValue::UNDEFINED).unwrap();
    assert_eq!(s.outcome(), "finished");
    assert!(s.output().contains("The highest year is 2015"));
    let n = s.step_count();
    assert!(n > 5);
    let start = s.go_to(0).unwrap();
    assert_eq!(num(&start, "stack_length"), 0.0);
    assert_eq!(num(&start, "stack_extent"), 0.0);
    assert_eq!(s.stack_bytes(Some(0)).length(), 0);
    assert_eq!(s.stack_bytes(None).length(), 262144);
    assert_eq!(s.heap_bytes(None).length(), 1024 * 1024);

    // Find the first state with a live block: the five years, 20 bytes at heap[0].
    let mut found = false;
    for i in 0..=n {
        let meta = s.go_to(i).unwrap();
        let blocks = Array::from(&get(&meta, "blocks"));
        if blocks.length() > 0 {
            let b = blocks.get(0);
            assert_eq!(num(&b, "size"), 20.0);
            assert_eq!(get(&b, "state").as_string().unwrap(), "live");
            let heap = s.heap_bytes(None).to_vec();
            assert_eq!(num(&meta, "heap_extent"), 20.0);
            assert_eq!(s.heap_bytes(Some(20)).length(), 20);
            assert_eq!(&heap[0..4], &1995i32.to_le_bytes());
            assert_eq!(s.heap_init(None).to_vec()[0], 1);
            found = true;
            break;
        }
    }
    assert!(found, "the years' block is allocated at some step");

    let end = s.go_to(n + 100).unwrap();
    assert_eq!(num(&end, "step"), n as f64, "goTo clamps to the end");
    let blocks = Array::from(&get(&end, "blocks"));
    assert_eq!(get(&blocks.get(0), "state").as_string().unwrap(), "freed");
    assert!(get(&end, "output")
        .as_string()
        .unwrap()
        .ends_with("All done!\n"));
}

#[wasm_bindgen_test]
fn steps_lines_and_depths_line_up() {
    let src = heap_years();
    let s = Session::new(&src, JsValue::UNDEFINED).unwrap();
    let n = s.step_count();
    assert_eq!(s.step_lines().len() as u32, n);
    assert_eq!(s.step_depths().len() as u32, n);
    let steps = Array::from(&s.steps(0, n).unwrap());
    assert_eq!(steps.length(), n);
    let first = steps.get(0);
    let place = get(&first, "place");
    let from = num(&place, "from") as usize;
    let to = num(&place, "to") as usize;
    assert_eq!(&src[from..to], "let years = get_years();");
    assert_eq!(get(&first, "function").as_string().unwrap(), "main");
}

#[wasm_bindgen_test]
fn overrides_and_diagnostics() {
    let overrides = js_sys::JSON::parse(r#"{"ptr_width":"32","heap_size":4096}"#).unwrap();
    let s = Session::new(&heap_years(), overrides).unwrap();
    let settings = s.settings().unwrap();
    assert_eq!(get(&settings, "ptr_width").as_string().unwrap(), "32");
    // The run was timed with the page's clock (node has `performance` too).
    assert!(s.run_millis().is_finite() && s.run_millis() >= 0.0);
    assert_eq!(num(&settings, "heap_size"), 4096.0);

    let bad = "fn main() {\n    let x: i32 = true;\n}\n";
    let s = Session::new(bad, JsValue::NULL).unwrap();
    assert_eq!(s.outcome(), "compile_error");
    assert_eq!(s.step_count(), 0);
    let diags = Array::from(&s.diagnostics().unwrap());
    let d = diags.get(0);
    assert_eq!(get(&d, "severity").as_string().unwrap(), "error");
    assert_eq!(get(&d, "code").as_string().unwrap(), "E0308");
    assert_eq!(num(&get(&d, "place"), "line"), 2.0);

    let wrong = js_sys::JSON::parse(r#"{"ptr_width":"16"}"#).unwrap();
    assert!(Session::new("fn main() {}", wrong).is_err());
    for wrong in [
        r#"{"heap_size":"big"}"#,
        r#"{"stack_size":1.5}"#,
        r#"{"max_steps":-1}"#,
        r#"{"deny_leaks":"yes"}"#,
        r#"{"allocator":3}"#,
        r#""rust""#,
    ] {
        let js = js_sys::JSON::parse(wrong).unwrap();
        assert!(Session::new("fn main() {}", js).is_err(), "{wrong}");
    }
    // Unknown keys are ignored and `null` leaves a setting as the program says.
    let lenient = js_sys::JSON::parse(
        r#"{"format":"hex","heap_size":null,"mode":"manual","checks":"unchecked","deny_leaks":true,"allocator":"bump","max_steps":900}"#,
    )
    .unwrap();
    let s = Session::new("fn main() {}", lenient).unwrap();
    let settings = s.settings().unwrap();
    assert_eq!(num(&settings, "heap_size"), 1048576.0);
    assert_eq!(get(&settings, "mode").as_string().unwrap(), "manual");
    assert_eq!(get(&settings, "checks").as_string().unwrap(), "unchecked");
    assert_eq!(get(&settings, "allocator").as_string().unwrap(), "bump");
    assert_eq!(get(&settings, "deny_leaks").as_bool(), Some(true));
    assert_eq!(num(&settings, "max_steps"), 900.0);
}

#[wasm_bindgen_test]
fn step_limit_keeps_the_partial_trace() {
    let overrides = js_sys::JSON::parse(r#"{"max_steps":500}"#).unwrap();
    let mut s = Session::new(
        "fn main() {\n    let mut i = 0;\n    loop {\n        i += 1;\n    }\n}\n",
        overrides,
    )
    .unwrap();
    assert_eq!(s.outcome(), "runtime_error");
    assert!(s.step_count() >= 499);
    let diags = Array::from(&s.diagnostics().unwrap());
    let last = diags.get(diags.length() - 1);
    assert!(get(&last, "message")
        .as_string()
        .unwrap()
        .contains("step limit"));
    let meta = s.go_to(250).unwrap();
    assert_eq!(num(&meta, "step"), 250.0);
}

#[wasm_bindgen_test]
fn heap_in_use_only_grows_in_the_leak_lesson() {
    let s = Session::new(&lesson("manual_leak"), JsValue::UNDEFINED).unwrap();
    let points = s.heap_in_use();
    assert!(points.len() >= 4 && points.len() % 2 == 0);
    assert_eq!(
        &points[0..2],
        &[0.0, 0.0],
        "nothing is in use before the first step"
    );
    let bytes: Vec<f64> = points.chunks(2).map(|p| p[1]).collect();
    assert!(bytes.windows(2).all(|w| w[1] > w[0]), "{bytes:?}");
    assert_eq!(*bytes.last().unwrap(), 48.0, "three 16-byte blocks leak");
    let steps: Vec<f64> = points.chunks(2).map(|p| p[0]).collect();
    assert!(steps.iter().all(|&n| n <= s.step_count() as f64));
}

#[wasm_bindgen_test]
fn state_lists_decoded_pointers() {
    let src = "fn main() {\n    let x = 5;\n    let r = &x;\n    println!(\"{}\", r);\n}\n";
    let mut s = Session::new(src, JsValue::UNDEFINED).unwrap();
    let meta = s.go_to(2).unwrap();
    let ptrs = Array::from(&get(&meta, "pointers"));
    assert_eq!(ptrs.length(), 1);
    let p = ptrs.get(0);
    assert_eq!(get(&p, "kind").as_string().unwrap(), "ref");
    assert_eq!(get(&p, "region").as_string().unwrap(), "stack");
    let frames = Array::from(&get(&meta, "frames"));
    let vars = Array::from(&get(&frames.get(0), "variables"));
    let x = vars
        .iter()
        .find(|v| get(v, "name").as_string().unwrap() == "x")
        .unwrap();
    assert_eq!(num(&p, "target"), num(&x, "addr"));
}

#[wasm_bindgen_test]
fn memory_mode_overrides_and_memory_reports() {
    let overrides = js_sys::JSON::parse(r#"{"mode":"manual","deny_leaks":true}"#).unwrap();
    let s = Session::new(
        "fn main() {\n    let v = vec![1, 2];\n    println!(\"{}\", v[0]);\n}\n",
        overrides,
    )
    .unwrap();
    let settings = s.settings().unwrap();
    assert_eq!(get(&settings, "mode").as_string().unwrap(), "manual");
    assert_eq!(get(&settings, "deny_leaks").as_bool(), Some(true));
    assert_eq!(s.outcome(), "runtime_error", "the leak is an error");
    let diags = Array::from(&s.diagnostics().unwrap());
    let leak = diags.get(diags.length() - 1);
    assert_eq!(get(&leak, "kind").as_string().unwrap(), "leak");
    let block = get(&get(&leak, "memory"), "block");
    assert_eq!(num(&block, "size"), 8.0);
    assert_eq!(num(&block, "alloc_line"), 2.0);

    let s = Session::new(&lesson("manual_dealloc_too_early"), JsValue::UNDEFINED).unwrap();
    let diags = Array::from(&s.diagnostics().unwrap());
    let report = get(&diags.get(0), "memory");
    assert_eq!(
        get(&report, "kind").as_string().unwrap(),
        "heap-use-after-free"
    );
    assert_eq!(get(&report, "access").as_string().unwrap(), "read");
    assert_eq!(num(&get(&report, "block"), "free_step"), 3.0);
}
