//! The example programs: snapshot tests of their traces (exact addresses, `stack_length`
//! after each step, the order of alloc, copy and free events), the chapter's order of
//! events, rebuilt memory at chosen steps, and their output against real rustc.
//!
//! Snapshots live in `tests/snapshots/NAME.trace`; run with `UPDATE_SNAPSHOTS=1` to rewrite
//! them after an intended change, and review the diff.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use stackheap::{lessons, BlockState, Event, SettingsOverrides};

fn trace_text(source: &str) -> String {
    let run = stackheap::run(source, &SettingsOverrides::default());
    let mut out = String::new();
    for step in run.steps() {
        let after = run.state_at(step.index + 1).stack_length;
        let events: Vec<String> = step.events.iter().map(|e| e.to_string()).collect();
        writeln!(
            out,
            "{:>4} line {:>3} {:<10} {:<18} sl={:<5} {}",
            step.index,
            step.line,
            format!("{:?}", step.kind).to_lowercase(),
            step.function,
            after,
            events.join("; ")
        )
        .unwrap();
    }
    writeln!(out, "exit {}", run.exit_code()).unwrap();
    for d in &run.diagnostics {
        writeln!(out, "diagnostic: {}", d.message).unwrap();
    }
    out
}

#[test]
fn traces_match_their_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for lesson in lessons::all() {
        let got = trace_text(lesson.source);
        let path = dir.join(format!("{}.trace", lesson.name));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == got => {}
            Ok(expected) => {
                let line = expected
                    .lines()
                    .zip(got.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(expected.lines().count().min(got.lines().count()));
                failures.push(format!(
                    "{}: differs at line {}:\n  expected: {:?}\n  got:      {:?}",
                    lesson.name,
                    line + 1,
                    expected.lines().nth(line),
                    got.lines().nth(line)
                ));
            }
            Err(_) => failures.push(format!(
                "{}: no snapshot at {} (run with UPDATE_SNAPSHOTS=1)",
                lesson.name,
                path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Position of the first event matching `pred` as (step, index within the whole run).
fn find_event(run: &stackheap::Run, pred: impl Fn(&Event) -> bool) -> Option<(u64, usize)> {
    let mut n = 0;
    for step in run.steps() {
        for e in &step.events {
            if pred(e) {
                return Some((step.index, n));
            }
            n += 1;
        }
    }
    None
}

#[test]
fn chapter_example_frees_years_as_find_highest_year_returns() {
    let lesson = lessons::get("heap_years").unwrap();
    let run = stackheap::run(lesson.source, &SettingsOverrides::default());
    assert_eq!(run.output(), "The highest year is 2015\nAll done!\n");
    let (alloc_step, alloc_at) =
        find_event(&run, |e| matches!(e, Event::Alloc { size: 20, .. })).unwrap();
    let (free_step, free_at) = find_event(&run, |e| {
        matches!(
            e,
            Event::Dealloc {
                addr: 0,
                size: 20,
                ..
            }
        )
    })
    .unwrap();
    let (_, first_line) = find_event(
        &run,
        |e| matches!(e, Event::Output { text } if text.starts_with("The highest")),
    )
    .unwrap();
    let (done_step, done_at) = find_event(
        &run,
        |e| matches!(e, Event::Output { text } if text == "All done!\n"),
    )
    .unwrap();
    assert!(alloc_at < free_at);
    // `years` moves into find_highest_year, which frees it at its closing brace; println!
    // evaluates its argument (the call) before it writes the line, as rustc's build does.
    assert_eq!(run.step(free_step).unwrap().function, "find_highest_year");
    assert!(free_at < first_line && first_line < done_at);
    // Both happen while line 19 (the first println!) runs, before line 20's.
    let first_println_line = 19;
    assert!(run
        .steps()
        .any(|s| s.index < free_step && s.line == first_println_line));
    assert_eq!(run.step(done_step).unwrap().line, 20);

    // Memory rebuilt at the steps around the free.
    let before = run.state_at(free_step);
    let after = run.state_at(free_step + 1);
    let block =
        |s: &stackheap::MemoryState| s.blocks.iter().find(|b| b.addr == 0).cloned().unwrap();
    assert_eq!(block(&before).state, BlockState::Live);
    assert_eq!(block(&before).label, "`years`");
    assert_eq!(block(&after).state, BlockState::Freed);
    assert_eq!(block(&after).free_step, Some(free_step));
    assert_eq!(block(&after).alloc_step, alloc_step);
    // The freed block keeps its bytes: 1995 is still at heap[0].
    assert_eq!(&after.heap_bytes[0..4], &1995i32.to_le_bytes());
    // Inside find_highest_year, just before the free: two frames, the callee's `years`
    // shows the five years and `highest` the answer.
    assert_eq!(before.frames.len(), 2);
    let callee = &before.frames[1];
    assert_eq!(callee.function, "find_highest_year");
    let years = callee.variables.iter().find(|v| v.name == "years").unwrap();
    assert_eq!((years.ty.as_str(), years.size), ("Vec<i32>", 24));
    assert_eq!(years.value, "[1995, 2000, 2005, 2010, 2015]");
    let highest = callee
        .variables
        .iter()
        .find(|v| v.name == "highest")
        .unwrap();
    assert_eq!(highest.value, "2015");
    // The caller reserved the i32 return slot right after `years` (stack[24..28]).
    assert_eq!(callee.return_slot, Some((24, 4)));
    // main's `years` gave its value to find_highest_year: it shows as moved.
    let main_years = before.frames[0]
        .variables
        .iter()
        .find(|v| v.name == "years")
        .unwrap();
    assert!(main_years.moved);
    assert!(!years.moved);
    // Stepping back to the start: nothing on the heap, main's frame only.
    let start = run.state_at(0);
    assert!(start.blocks.is_empty());
    assert_eq!(start.frames.len(), 1);
    assert_eq!(start.stack_length, 0);
}

#[test]
fn push_relocation_is_alloc_copy_write_free() {
    let lesson = lessons::get("push_relocates").unwrap();
    let run = stackheap::run(lesson.source, &SettingsOverrides::default());
    // The fifth push: len 4 = capacity 4, so the elements move to a 32-byte block.
    let step = run
        .steps()
        .find(|s| {
            s.events
                .iter()
                .any(|e| matches!(e, Event::Alloc { size: 32, .. }))
        })
        .unwrap();
    let kinds: Vec<&str> = step
        .events
        .iter()
        .map(|e| match e {
            Event::Alloc { .. } => "alloc",
            Event::Copy { .. } => "copy",
            Event::Write { .. } => "write",
            Event::Dealloc { .. } => "dealloc",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["alloc", "copy", "write", "dealloc", "write"]);
    assert!(matches!(
        step.events[0],
        Event::Alloc {
            addr: 16,
            size: 32,
            ..
        }
    ));
    assert!(matches!(
        step.events[1],
        Event::Copy {
            from: 0,
            to: 16,
            len: 16,
            ..
        }
    ));
    assert!(matches!(
        step.events[3],
        Event::Dealloc {
            addr: 0,
            size: 16,
            ..
        }
    ));
}

#[test]
fn with_capacity_allocates_once() {
    let lesson = lessons::get("with_capacity").unwrap();
    let run = stackheap::run(lesson.source, &SettingsOverrides::default());
    let allocs = run
        .steps()
        .flat_map(|s| s.events)
        .filter(|e| matches!(e, Event::Alloc { .. }))
        .count();
    assert_eq!(allocs, 1);
    assert_eq!(run.output(), "len 9 capacity 9\n");
}

#[test]
fn stack_overflow_lesson_overflows() {
    let lesson = lessons::get("stack_overflow").unwrap();
    let run = stackheap::run(lesson.source, &SettingsOverrides::default());
    assert_eq!(run.exit_code(), 101);
    let err = run.runtime_error().unwrap();
    assert_eq!(err.message, "thread 'main' has overflowed its stack");
    assert_eq!(run.settings.stack_size, 1024);
    let last = run.state_at(run.step_count());
    assert!(last.stack_length <= 1024 && last.frames.len() > 10);
}

/// Every lesson that ends normally prints what rustc's build of it prints.
#[test]
fn lessons_match_rustc() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if Command::new(&rustc).arg("--version").output().is_err() {
        println!("rustc not found: skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("stackheap-lessons-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for lesson in lessons::all() {
        let run = stackheap::run(lesson.source, &SettingsOverrides::default());
        // Manual-mode programs call `alloc` and `dealloc`, which rustc does not know.
        if run.exit_code() != 0 || run.settings.mode == stackheap::MemoryMode::Manual {
            continue;
        }
        let src = dir.join(format!("{}.rs", lesson.name));
        let exe = dir.join(lesson.name);
        std::fs::write(&src, lesson.source).unwrap();
        let status = Command::new(&rustc)
            .args(["--edition", "2021", "-o"])
            .arg(&exe)
            .arg(&src)
            .status()
            .unwrap();
        assert!(status.success(), "rustc rejected {}", lesson.name);
        let out = Command::new(&exe).output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            run.output(),
            "{}",
            lesson.name
        );
        assert_eq!(out.status.code(), Some(0));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
