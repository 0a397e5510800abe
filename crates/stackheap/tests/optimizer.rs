//! The optimisation passes over the compiled code must not change what a run does: every
//! program of the corpora (the differential programs, manual-mode programs, compile-error
//! programs, the lessons and the benchmark programs) is run with and without them, at both
//! pointer widths, and the two runs must agree on the output, the diagnostics, the outcome,
//! every step with its events, the heap in use, and the rebuilt memory at every step (at
//! evenly spread steps for long runs). The benchmark programs run under a low step limit,
//! which also checks that both stop at the same step with the same error.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use stackheap::{PtrWidth, Run, SettingsOverrides};

/// Runs at most this many steps' memory states are all compared; longer runs compare
/// this many spread over the run (plus the last).
const STATES: u64 = 200;
/// Step limit for the benchmark programs (they run far longer).
const BENCH_STEPS: u64 = 30_000;

fn programs_in(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    paths.sort();
    paths
}

/// Every program to compare: a name, its source and the step limit to run it with.
fn corpus() -> Vec<(String, String, Option<u64>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (dir, max_steps) in [
        ("tests/programs", None),
        ("tests/manual", None),
        ("tests/compile_errors", None),
        ("benches/programs", Some(BENCH_STEPS)),
    ] {
        for path in programs_in(&root.join(dir)) {
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            out.push((name, source, max_steps));
        }
    }
    for lesson in stackheap::lessons::all() {
        out.push((
            format!("lesson {}", lesson.name),
            lesson.source.to_string(),
            None,
        ));
    }
    out
}

/// The first difference between the optimised and the plain run, if there is one.
fn compare(optimized: &Run, plain: &Run) -> Option<String> {
    if optimized.output() != plain.output() {
        return Some(format!(
            "output differs:\n  optimised: {:?}\n  plain:     {:?}",
            optimized.output(),
            plain.output()
        ));
    }
    if optimized.stderr() != plain.stderr() {
        return Some("stderr output differs".into());
    }
    if optimized.outcome != plain.outcome {
        return Some(format!(
            "outcome differs: {:?} against {:?}",
            optimized.outcome, plain.outcome
        ));
    }
    if optimized.diagnostics != plain.diagnostics {
        return Some(format!(
            "diagnostics differ:\n  optimised: {:?}\n  plain:     {:?}",
            optimized.diagnostics, plain.diagnostics
        ));
    }
    if optimized.step_count() != plain.step_count() {
        return Some(format!(
            "step count differs: {} against {}",
            optimized.step_count(),
            plain.step_count()
        ));
    }
    if optimized.stats().events != plain.stats().events {
        return Some(format!(
            "event count differs: {} against {}",
            optimized.stats().events,
            plain.stats().events
        ));
    }
    for (a, b) in optimized.steps().zip(plain.steps()) {
        if a != b {
            return Some(format!(
                "step {} differs:\n  optimised: {a:?}\n  plain:     {b:?}",
                a.index
            ));
        }
    }
    if optimized.heap_in_use() != plain.heap_in_use() {
        return Some("heap in use differs".into());
    }
    let steps = plain.step_count();
    let picks: Vec<u64> = if steps <= STATES {
        (0..=steps).collect()
    } else {
        (0..STATES)
            .map(|i| i * steps / STATES)
            .chain([steps])
            .collect()
    };
    for n in picks {
        if optimized.state_at(n) != plain.state_at(n) {
            return Some(format!("memory after {n} steps differs"));
        }
    }
    None
}

#[test]
fn optimised_runs_match_plain_runs() {
    let cases = corpus();
    assert!(
        cases.len() > 100,
        "the corpora hold only {} programs",
        cases.len()
    );
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, source, max_steps)) = cases.get(i) else {
                    break;
                };
                for ptr_width in [PtrWidth::W64, PtrWidth::W32] {
                    let overrides = SettingsOverrides {
                        max_steps: *max_steps,
                        ptr_width: Some(ptr_width),
                        ..SettingsOverrides::default()
                    };
                    let optimized = stackheap::run(source, &overrides);
                    let plain = stackheap::run_unoptimized(source, &overrides);
                    if let Some(problem) = compare(&optimized, &plain) {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{name} ({ptr_width:?}): {problem}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} programs run differently with the optimisation passes:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
