//! Heap events against real rustc: each program in `tests/heap_events/` runs in the engine,
//! and its allocations, frees and output, in order, are compared with the record beside it
//! (`NAME.heap`: one line per event with the step's source line, the block's size and its
//! owner's label). When rustc is installed the record is also checked against a debug
//! build of the program whose global allocator logs every allocation and free by size,
//! interleaved with the program's output: the engine must allocate and free blocks of the
//! same sizes in the same order as rustc's build, relative to what it prints, so drops
//! happen where rustc drops. Run with `UPDATE_SNAPSHOTS=1` to rewrite the records after an
//! intended change, and review the diff.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use stackheap::{Event, SettingsOverrides};

const READ_ONLY_LABEL: &str = "string literals (read-only)";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heap_events")
}

fn programs() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The engine's record: `LINE alloc SIZE LABEL`, `LINE free SIZE LABEL`, `LINE print TEXT`
/// (consecutive prints joined), then `exit CODE`.
fn record(source: &str) -> String {
    let run = stackheap::run(source, &SettingsOverrides::default());
    let mut out = String::new();
    let mut printed = String::new();
    let mut printed_line = 0;
    let flush = |out: &mut String, printed: &mut String, line: u32| {
        if !printed.is_empty() {
            writeln!(out, "{line:>3} print {printed:?}").unwrap();
            printed.clear();
        }
    };
    for step in run.steps() {
        for e in &step.events {
            match e {
                Event::Alloc { size, label, .. } if label != READ_ONLY_LABEL => {
                    flush(&mut out, &mut printed, printed_line);
                    writeln!(out, "{:>3} alloc {size} {label}", step.line).unwrap();
                }
                Event::Dealloc { size, label, .. } => {
                    flush(&mut out, &mut printed, printed_line);
                    writeln!(out, "{:>3} free {size} {label}", step.line).unwrap();
                }
                Event::Output { text } => {
                    if printed.is_empty() {
                        printed_line = step.line;
                    }
                    printed.push_str(text);
                }
                _ => {}
            }
        }
    }
    flush(&mut out, &mut printed, printed_line);
    writeln!(out, "exit {}", run.exit_code()).unwrap();
    for d in run.diagnostics.iter().filter(|d| d.is_error()) {
        writeln!(out, "error: {}", d.message).unwrap();
    }
    out
}

/// What rustc's build can be compared on: the kind and size of each heap event and the
/// printed text, without lines and labels.
fn comparable(record: &str) -> Vec<String> {
    record
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let _line = words.next()?;
            match words.next()? {
                "alloc" | "free" => {
                    let kind = l.split_whitespace().nth(1)?;
                    let size = l.split_whitespace().nth(2)?;
                    Some(format!("{kind} {size}"))
                }
                "print" => Some(l.split_once(" print ")?.1.to_string()),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn heap_events_match_their_records() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    let all = programs();
    assert!(all.len() >= 3, "the corpus is too small");
    for (name, source) in &all {
        let got = record(source);
        let path = dir().join(format!("{name}.heap"));
        if update {
            fs::write(&path, &got).unwrap();
            continue;
        }
        let want = fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            failures.push(format!("{name}: expected\n{want}\ngot\n{got}"));
        }
        if !got.contains("\nexit 0\n") && !got.starts_with("exit 0\n") {
            failures.push(format!("{name}: the program must run to its end:\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The program's source with a logging global allocator around its `main`.
fn logged_source(source: &str) -> String {
    let body = source.replacen("fn main()", "fn program_main()", 1);
    format!(
        "{body}\n\
mod heap_log {{
    use std::alloc::{{GlobalAlloc, Layout, System}};
    use std::io::Write;
    use std::sync::atomic::{{AtomicBool, Ordering}};
    pub static ON: AtomicBool = AtomicBool::new(false);
    fn log(kind: &str, size: usize) {{
        if ON.swap(false, Ordering::SeqCst) {{
            let _ = writeln!(std::io::stderr(), \"\\u{{1}}{{kind}} {{size}}\");
            ON.store(true, Ordering::SeqCst);
        }}
    }}
    pub struct Log;
    unsafe impl GlobalAlloc for Log {{
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {{
            log(\"alloc\", layout.size());
            unsafe {{ System.alloc(layout) }}
        }}
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {{
            log(\"free\", layout.size());
            unsafe {{ System.dealloc(ptr, layout) }}
        }}
    }}
}}
#[global_allocator]
static HEAP_LOG: heap_log::Log = heap_log::Log;
fn main() {{
    // Stdout's buffer is made before logging starts.
    let _ = std::io::stdout();
    heap_log::ON.store(true, std::sync::atomic::Ordering::SeqCst);
    program_main();
    heap_log::ON.store(false, std::sync::atomic::Ordering::SeqCst);
}}
"
    )
}

/// rustc's build's events: `alloc SIZE`, `free SIZE` and the printed text between them.
fn rustc_events(rustc: &str, name: &str, source: &str, tmp: &Path) -> Result<Vec<String>, String> {
    let src = tmp.join(format!("{name}.rs"));
    let bin = tmp.join(name);
    fs::write(&src, logged_source(source)).unwrap();
    let out = Command::new(rustc)
        .args(["--edition", "2021", "-A", "warnings", "-o"])
        .arg(&bin)
        .arg(&src)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "rustc rejects it:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // Stdout and stderr share one file, so the log and the output keep their order
    // (stdout is line-buffered).
    let log_path = tmp.join(format!("{name}.log"));
    let file = fs::File::create(&log_path).unwrap();
    let status = Command::new(&bin)
        .stdin(Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("rustc's build exited with {status}"));
    }
    let text = fs::read_to_string(&log_path).unwrap();
    let mut events = Vec::new();
    let mut printed = String::new();
    for piece in text.split_inclusive('\n') {
        match piece.strip_prefix('\u{1}') {
            Some(ev) => {
                if !printed.is_empty() {
                    events.push(format!("{printed:?}"));
                    printed.clear();
                }
                events.push(ev.trim_end().to_string());
            }
            None => printed.push_str(piece),
        }
    }
    if !printed.is_empty() {
        events.push(format!("{printed:?}"));
    }
    Ok(events)
}

#[test]
fn records_match_real_rustc() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if Command::new(&rustc).arg("--version").output().is_err() {
        println!("rustc not found: skipped");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("stackheap-heap-{}", std::process::id()));
    fs::create_dir_all(&tmp).unwrap();
    let mut failures = Vec::new();
    for (name, source) in programs() {
        let want = comparable(&fs::read_to_string(dir().join(format!("{name}.heap"))).unwrap());
        match rustc_events(&rustc, &name, &source, &tmp) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!(
                "{name}: rustc's build does\n{}\nthe record says\n{}",
                got.join("\n"),
                want.join("\n")
            )),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    let _ = fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
