//! Manual memory mode: each program in `tests/manual/` runs as its `// stackheap:` comment
//! says, and its exit code, output, memory-error report and leaks are compared with
//! `NAME.expected` (rewrite with `UPDATE_SNAPSHOTS=1` after an intended change, and review
//! the diff). Every report's steps are also checked against the trace: the step it names
//! as the allocation holds the `alloc` event, the free step the `dealloc` event.

use std::fmt::Write as _;
use std::path::PathBuf;

use stackheap::{Event, LineIndex, MemoryReport, Run, SettingsOverrides};

fn describe(m: &MemoryReport) -> String {
    let mut s = format!("{} ", m.kind.name());
    if let Some(a) = m.access {
        write!(s, "{a:?} ").unwrap();
    }
    write!(s, "size={} {}[{}]", m.size, m.region.name(), m.addr).unwrap();
    if let Some(off) = m.offset {
        write!(s, " offset={off}").unwrap();
    }
    if let Some(b) = &m.block {
        write!(
            s,
            " block=heap[{}..{}] {} by {} allocated line {} step {}",
            b.addr,
            b.addr + b.size,
            b.label,
            b.by,
            b.alloc_line,
            b.alloc_step
        )
        .unwrap();
        if let (Some(l), Some(st)) = (b.free_line, b.free_step) {
            write!(s, " freed line {l} step {st}").unwrap();
        }
    }
    s
}

fn summary(source: &str, run: &Run) -> String {
    let lines = LineIndex::new(source);
    let mut out = format!(
        "exit {}\n--- stdout\n{}--- reports\n",
        run.exit_code(),
        run.output()
    );
    for d in &run.diagnostics {
        let (l, c) = lines.line_col(source, d.span.start);
        let step = d.step.map(|s| format!(" step {s}")).unwrap_or_default();
        match &d.memory {
            Some(m) => writeln!(out, "{l}:{c}{step} {}", describe(m)).unwrap(),
            None => writeln!(out, "{l}:{c}{step} {:?}: {}", d.kind, d.message).unwrap(),
        }
    }
    out
}

/// The steps a report names hold the events it speaks of.
fn check_steps(name: &str, run: &Run, failures: &mut Vec<String>) {
    for d in &run.diagnostics {
        let Some(b) = d.memory.as_ref().and_then(|m| m.block.as_ref()) else {
            continue;
        };
        let has = |step: u64, pred: &dyn Fn(&Event) -> bool| {
            run.step(step).is_some_and(|s| s.events.iter().any(pred))
        };
        if !has(
            b.alloc_step,
            &|e| matches!(e, Event::Alloc { addr, size, .. } if *addr == b.addr && *size == b.size),
        ) {
            failures.push(format!(
                "{name}: step {} has no alloc of heap[{}]",
                b.alloc_step, b.addr
            ));
        }
        if let Some(f) = b.free_step {
            if !has(
                f,
                &|e| matches!(e, Event::Dealloc { addr, .. } if *addr == b.addr),
            ) {
                failures.push(format!(
                    "{name}: step {f} has no dealloc of heap[{}]",
                    b.addr
                ));
            }
        }
    }
}

#[test]
fn manual_mode_programs_match_their_expected_reports() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/manual");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".rs"))
                .map(String::from)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    let mut failures = Vec::new();
    for name in names {
        let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
        let run = stackheap::run(&source, &SettingsOverrides::default());
        check_steps(&name, &run, &mut failures);
        let got = summary(&source, &run);
        let path = dir.join(format!("{name}.expected"));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{name}:\n--- expected\n{want}--- got\n{got}")),
            Err(_) => failures.push(format!(
                "{name}: no {name}.expected (run with UPDATE_SNAPSHOTS=1)"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn run_file(name: &str, overrides: &SettingsOverrides) -> (String, Run) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/manual/{name}.rs"));
    let source = std::fs::read_to_string(path).unwrap();
    let run = stackheap::run(&source, overrides);
    (source, run)
}

#[test]
fn unchecked_double_free_gives_two_owners_the_same_bytes() {
    let (_, run) = run_file(
        "double_free_unchecked_shares_bytes",
        &SettingsOverrides::default(),
    );
    // Just before `a` is freed: `a` and `b` are both live blocks at heap[0].
    let before_end = run.state_at(run.step_count() - 2);
    let at_zero: Vec<_> = before_end
        .blocks
        .iter()
        .filter(|b| b.addr == 0 && b.state == stackheap::BlockState::Live)
        .map(|b| b.label.clone())
        .collect();
    assert_eq!(at_zero, ["`a`", "`b`"]);
}

#[test]
fn checks_flag_turns_a_report_into_what_the_bytes_say() {
    let (_, checked) = run_file("uaf_vec_read_in_function", &SettingsOverrides::default());
    assert_eq!(checked.exit_code(), 101);
    let unchecked_overrides = SettingsOverrides {
        checks: Some(stackheap::Checks::Unchecked),
        ..SettingsOverrides::default()
    };
    let (_, unchecked) = run_file("uaf_vec_read_in_function", &unchecked_overrides);
    assert_eq!(unchecked.exit_code(), 0);
    // find_highest_year reads `recipes`' numbers from the reused bytes.
    assert_eq!(unchecked.output(), "The highest year is 350\nAll done!\n");
}

#[test]
fn heap_in_use_only_grows_without_dealloc() {
    let src = "// stackheap: mode=manual\nfn main() {\n    for i in 0..4 {\n        let v = vec![i; 4];\n        println!(\"{}\", v[0]);\n    }\n}\n";
    let run = stackheap::run(src, &SettingsOverrides::default());
    let usage: Vec<u32> = run.heap_in_use().iter().map(|&(_, b)| b).collect();
    assert_eq!(usage, [0, 16, 32, 48, 64]);
    assert_eq!(run.leaks().count(), 4);
    // In Rust mode, the same loop frees each block at the end of its iteration.
    let rust = stackheap::run(
        &src.replace("// stackheap: mode=manual\n", ""),
        &SettingsOverrides::default(),
    );
    let usage: Vec<u32> = rust.heap_in_use().iter().map(|&(_, b)| b).collect();
    assert_eq!(usage, [0, 16, 0, 16, 0, 16, 0, 16, 0]);
}

#[test]
fn rust_mode_refuses_manual_calls_and_suggests_drop() {
    for src in [
        "fn main() { let v = vec![1]; dealloc(v); }",
        "fn main() { let p = alloc(4); }",
        "fn main() { let b = heap_bytes[0]; }",
    ] {
        let run = stackheap::run(src, &SettingsOverrides::default());
        assert_eq!(run.exit_code(), 1, "{src}");
        let d = &run.diagnostics[0];
        assert!(d.notes.iter().any(|n| n.contains("drop(v)")), "{d:?}");
        assert!(d.notes.iter().any(|n| n.contains("mode=manual")), "{d:?}");
    }
}
