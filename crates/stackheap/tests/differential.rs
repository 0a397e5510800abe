//! Differential tests: every program in `tests/programs/*.rs` must behave in stackheap exactly
//! as the debug build made by real `rustc --edition 2021` does — same stdout, same exit status,
//! and for a panic the same message at the same line and column. The expected results sit
//! next to each program (`NAME.stdout`, `NAME.status`, `NAME.stderr-panic`) and are written by
//! `tests/programs/regenerate.sh`; the second test re-checks them against rustc when it is on
//! PATH so they cannot drift from what rustc really does.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The corpus must never shrink below this many programs.
const MIN_PROGRAMS: usize = 40;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("programs")
}

/// One program of the corpus and what rustc's build did with it.
struct Case {
    name: String,
    path: PathBuf,
    source: String,
    stdout: String,
    status: i32,
    panic: Option<ExpectedPanic>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ExpectedPanic {
    line: u32,
    col: u32,
    message: String,
}

/// Reads `NAME.stderr-panic`: `LINE:COL` on the first line, the message on the second.
fn parse_panic_file(text: &str) -> Result<ExpectedPanic, String> {
    let mut lines = text.lines();
    let loc = lines.next().ok_or("empty file")?;
    let message = lines.next().ok_or("no message line")?.to_string();
    let (line, col) = loc
        .trim()
        .split_once(':')
        .ok_or_else(|| format!("first line `{loc}` is not LINE:COL"))?;
    let line = line
        .parse()
        .map_err(|_| format!("bad line number in `{loc}`"))?;
    let col = col
        .parse()
        .map_err(|_| format!("bad column number in `{loc}`"))?;
    Ok(ExpectedPanic { line, col, message })
}

fn read_optional(path: &Path) -> Result<Option<String>, String> {
    match fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn load_case(path: &Path) -> Result<Case, String> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("bad file name {}", path.display()))?
        .to_string();
    let dir = path.parent().unwrap_or(Path::new("."));
    let source =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let stdout = read_optional(&dir.join(format!("{name}.stdout")))?
        .ok_or_else(|| format!("missing {name}.stdout (run tests/programs/regenerate.sh)"))?;
    let status = match read_optional(&dir.join(format!("{name}.status")))? {
        None => 0,
        Some(s) => s
            .trim()
            .parse()
            .map_err(|_| format!("{name}.status does not hold an exit code: {s:?}"))?,
    };
    let panic = match read_optional(&dir.join(format!("{name}.stderr-panic")))? {
        None => None,
        Some(s) => Some(parse_panic_file(&s).map_err(|e| format!("{name}.stderr-panic: {e}"))?),
    };
    if status == 0 && panic.is_some() {
        return Err(format!("{name}: has a .stderr-panic but no .status"));
    }
    if status != 0 && panic.is_none() {
        return Err(format!(
            "{name}: exits with {status} but has no .stderr-panic"
        ));
    }
    Ok(Case {
        name,
        path: path.to_path_buf(),
        source,
        stdout,
        status,
        panic,
    })
}

/// Loads the whole corpus, sorted by name. Panics (failing the calling test) when the
/// directory holds fewer than [`MIN_PROGRAMS`] programs or an expected file is malformed.
fn load_corpus() -> Vec<Case> {
    let dir = programs_dir();
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= MIN_PROGRAMS,
        "{} holds only {} programs; the differential corpus needs at least {MIN_PROGRAMS}",
        dir.display(),
        paths.len()
    );
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        match load_case(path) {
            Ok(c) => cases.push(c),
            Err(e) => errors.push(e),
        }
    }
    // Expected files whose program is gone would silently stop being checked.
    for entry in fs::read_dir(&dir).expect("programs directory") {
        let path = entry.expect("directory entry").path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
        for ext in [".stdout", ".status", ".stderr-panic"] {
            if let Some(stem) = file.strip_suffix(ext) {
                if !dir.join(format!("{stem}.rs")).exists() {
                    errors.push(format!("{file} has no program {stem}.rs"));
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "the corpus in {} is broken:\n{}",
        dir.display(),
        errors.join("\n")
    );
    cases
}

/// Shortens long text for failure messages.
fn clip(s: &str) -> String {
    const MAX: usize = 1500;
    if s.len() <= MAX {
        format!("{s:?}")
    } else {
        let mut end = MAX;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{:?}... ({} bytes in all)", &s[..end], s.len())
    }
}

/// Describes where two outputs first differ, line by line.
fn first_difference(expected: &str, got: &str) -> String {
    let mut exp_lines = expected.split_inclusive('\n');
    let mut got_lines = got.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (exp_lines.next(), got_lines.next()) {
            (Some(e), Some(g)) if e == g => line += 1,
            (e, g) => {
                return format!(
                    "first difference at output line {line}: expected {}, got {}",
                    e.map_or("end of output".to_string(), |e| format!("{e:?}")),
                    g.map_or("end of output".to_string(), |g| format!("{g:?}")),
                )
            }
        }
    }
}

/// Runs one program in the engine and returns what differs from rustc's recorded behaviour.
fn check_engine(case: &Case) -> Vec<String> {
    let source = case.source.as_str();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stackheap::run(source, &stackheap::SettingsOverrides::default())
    }));
    let run = match result {
        Ok(run) => run,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(non-string payload)".to_string());
            return vec![format!("the engine itself panicked: {msg}")];
        }
    };
    let index = stackheap::LineIndex::new(source);
    let describe = |d: &stackheap::Diagnostic| {
        let (line, col) = index.line_col(source, d.span.start);
        format!(
            "{:?} {:?} at {line}:{col}: {:?}",
            d.severity, d.kind, d.message
        )
    };

    let mut problems = Vec::new();
    let output = run.output();
    if output != case.stdout {
        problems.push(format!(
            "stdout differs ({})\n    expected: {}\n    got:      {}",
            first_difference(&case.stdout, output),
            clip(&case.stdout),
            clip(output)
        ));
    }
    let code = run.exit_code();
    if code != case.status {
        let mut msg = format!("exit code: expected {}, got {code}", case.status);
        // A runtime error is reported below; list the compile diagnostics here.
        if run.runtime_error().is_none() && !run.diagnostics.is_empty() {
            msg.push_str("\n    diagnostics:");
            for d in &run.diagnostics {
                let _ = write!(msg, "\n      {}", describe(d));
            }
        }
        problems.push(msg);
    }
    match (&case.panic, run.runtime_error()) {
        (Some(expected), Some(err)) => {
            if err.message != expected.message {
                problems.push(format!(
                    "panic message: expected {:?}, got {:?}",
                    expected.message, err.message
                ));
            }
            let (line, col) = index.line_col(source, err.span.start);
            if (line, col) != (expected.line, expected.col) {
                problems.push(format!(
                    "panic location: expected {}:{}, got {line}:{col} (span {}..{} is {:?})",
                    expected.line,
                    expected.col,
                    err.span.start,
                    err.span.end,
                    source
                        .get(err.span.start as usize..err.span.end as usize)
                        .unwrap_or("<out of range>")
                ));
            }
        }
        (Some(expected), None) => problems.push(format!(
            "expected a panic at {}:{} with {:?}, got no runtime error",
            expected.line, expected.col, expected.message
        )),
        (None, Some(err)) => {
            problems.push(format!("expected no runtime error, got {}", describe(err)))
        }
        (None, None) => {}
    }
    problems
}

#[test]
fn engine_matches_rustc_on_every_program() {
    let cases = load_corpus();
    let mut failures = Vec::new();
    for case in &cases {
        let problems = check_engine(case);
        if !problems.is_empty() {
            failures.push(format!("--- {}.rs\n  {}", case.name, problems.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from rustc:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The panic location and message from the stderr of a program built by rustc:
/// `thread 'main' (ID) panicked at FILE:LINE:COL:` (older rustc: no `(ID)`), then the message.
fn parse_rustc_panic(stderr: &str) -> Option<ExpectedPanic> {
    let mut lines = stderr.lines();
    while let Some(l) = lines.next() {
        let Some(pos) = l.find("panicked at ") else {
            continue;
        };
        let loc = l[pos + "panicked at ".len()..]
            .trim_end()
            .trim_end_matches(':');
        let mut parts = loc.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        let message = lines.next().unwrap_or("").to_string();
        return Some(ExpectedPanic { line, col, message });
    }
    None
}

fn rustc_command() -> std::ffi::OsString {
    std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into())
}

/// Compiles one program with rustc into `out_dir`, runs it and returns what differs from the
/// recorded expectations.
fn check_with_rustc(case: &Case, out_dir: &Path) -> Vec<String> {
    let exe = out_dir.join(format!("{}{}", case.name, std::env::consts::EXE_SUFFIX));
    let dir = case.path.parent().unwrap_or(Path::new("."));
    let file = case.path.file_name().expect("program file name");
    // Compile from the programs directory so panic locations read `NAME.rs:LINE:COL`.
    let compiled = Command::new(rustc_command())
        .current_dir(dir)
        .args(["--edition", "2021", "-o"])
        .arg(&exe)
        .arg(file)
        .stdin(Stdio::null())
        .output();
    let compiled = match compiled {
        Ok(o) => o,
        Err(e) => return vec![format!("cannot start rustc: {e}")],
    };
    if !compiled.status.success() {
        return vec![format!(
            "rustc failed to compile it:\n{}",
            String::from_utf8_lossy(&compiled.stderr)
        )];
    }
    let ran = Command::new(&exe)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .output();
    let ran = match ran {
        Ok(o) => o,
        Err(e) => return vec![format!("cannot run the compiled program: {e}")],
    };
    let _ = fs::remove_file(&exe);

    let mut problems = Vec::new();
    let stdout = String::from_utf8_lossy(&ran.stdout);
    if stdout != case.stdout {
        problems.push(format!(
            "rustc's stdout differs from {}.stdout ({})\n    recorded: {}\n    rustc:    {}",
            case.name,
            first_difference(&case.stdout, &stdout),
            clip(&case.stdout),
            clip(&stdout)
        ));
    }
    let code = ran.status.code();
    if code != Some(case.status) {
        problems.push(format!(
            "exit status: recorded {}, rustc's build gave {:?}",
            case.status, code
        ));
    }
    let stderr = String::from_utf8_lossy(&ran.stderr);
    let got = parse_rustc_panic(&stderr);
    if got != case.panic {
        problems.push(format!(
            "panic: recorded {:?}, rustc's build gave {:?}\n    stderr: {}",
            case.panic,
            got,
            clip(&stderr)
        ));
    }
    problems
}

#[test]
fn recorded_results_match_real_rustc() {
    let cases = load_corpus();
    let version = Command::new(rustc_command())
        .arg("--version")
        .stdin(Stdio::null())
        .output();
    match version {
        Ok(o) if o.status.success() => {
            eprintln!(
                "checking {} programs against {}",
                cases.len(),
                String::from_utf8_lossy(&o.stdout).trim()
            );
        }
        _ => {
            eprintln!("skipped: rustc is not on PATH, so the recorded results were not re-checked");
            return;
        }
    }

    let out_dir =
        std::env::temp_dir().join(format!("stackheap-differential-{}", std::process::id()));
    fs::create_dir_all(&out_dir).expect("create temp dir");

    // All programs take about 11 s serially on 2 cores; spread them over the cores.
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8)
        .min(cases.len());
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else {
                    break;
                };
                let problems = check_with_rustc(case, &out_dir);
                if !problems.is_empty() {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(format!("--- {}.rs\n  {}", case.name, problems.join("\n  ")));
                }
            });
        }
    });
    let _ = fs::remove_dir_all(&out_dir);

    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} recorded results no longer match rustc (rerun tests/programs/regenerate.sh \
         if rustc changed on purpose):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
