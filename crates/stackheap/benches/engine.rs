//! The engine benchmark, run with `cargo bench -p stackheap --bench engine`.
//!
//! For each program in `benches/programs/` (three loop-heavy ones and a recursive one) it
//! times the engine against CPython running the program's `.py` twin, checks that both
//! print the same thing, and prints trace sizes. Both sides are timed the same way, in
//! process, with start-up left out:
//!
//! - the engine: `stackheap::run` (parse, check, compile and run with the full trace
//!   recorded), in this process;
//! - CPython: one `python3 -c PY_HARNESS` process that runs the `.py` file with
//!   `runpy.run_path` once for each line it reads, between two `time.perf_counter()` calls,
//!   and reports each time on stderr; the program's output goes to stdout for the comparison.
//!
//! The two take turns, one engine run then one CPython run, `runs` times, so that a burst of
//! load from elsewhere on a shared machine falls on both sides alike; each turn gives a ratio
//! (engine time / CPython time). The budget, for the loop-heavy programs (`BUDGETED`), is
//! judged on the median of those ratios; the recursive program's ratio is printed apart.
//! The best and median times of each side are shown too. Then it reports the average bytes
//! per event against 16. Last, it seeks with `state_at` to 200 pseudo-random steps of a
//! trace of over 1,000,000 steps and reports the median and maximum against the 5 ms budget.
//!
//! `STACKHEAP_BENCH_RUNS=N` changes the number of turns per program (default 21).
//!
//! Timings are printed, never asserted: the machine may be shared and noisy. A run that does
//! not finish with exit code 0, or prints something other than the Python version, is an
//! error: the bench says why and exits with status 1.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use stackheap::{Run, SettingsOverrides, TraceStats};

/// The timed programs: `NAME.rs` and `NAME.py` in `benches/programs/`.
const PROGRAMS: &[&str] = &["nested_loops", "sieve", "bubble_sort", "fib_recursive"];
/// The programs the speed budget is for: the loop-heavy ones (nested loops, a sieve, bubble
/// sort over a Vec). The others are timed and compared the same way, and their ratios
/// printed apart, unjudged: `fib_recursive` measures what calls and returns cost.
const BUDGETED: &[&str] = &["nested_loops", "sieve", "bubble_sort"];
/// The program whose long trace the seek test runs `state_at` on.
const SEEK_PROGRAM: &str = "long_loop";
/// Runs per measurement by default (`STACKHEAP_BENCH_RUNS` overrides); the best and the
/// median are reported.
const DEFAULT_RUNS: usize = 21;
/// Runs the `.py` file given as `sys.argv[1]` once for each line read from stdin, between
/// two `time.perf_counter()` calls with stdout captured, and writes each time (nanoseconds)
/// on stderr after `TIMES_MARK`; at the end of stdin prints the first run's output on
/// stdout. Runs that print different things are an error (exit status 3).
const PY_HARNESS: &str = r#"
import io, runpy, sys, time
path = sys.argv[1]
out = None
real = sys.stdout
for _ in sys.stdin:
    buf = io.StringIO()
    sys.stdout = buf
    t0 = time.perf_counter()
    runpy.run_path(path, run_name="__main__")
    t1 = time.perf_counter()
    sys.stdout = real
    if out is None:
        out = buf.getvalue()
    elif out != buf.getvalue():
        sys.exit(3)
    sys.stderr.write("STACKHEAP_TIME " + str(int((t1 - t0) * 1e9)) + "\n")
    sys.stderr.flush()
real.write(out or "")
real.flush()
"#;
const TIMES_MARK: &str = "STACKHEAP_TIME ";
/// Step limit for the timed programs (each should take well under 1,000,000 steps).
const PROGRAM_MAX_STEPS: u64 = 5_000_000;
/// Step limit for the seek program.
const SEEK_MAX_STEPS: u64 = 20_000_000;
/// The seek test wants a trace at least this long.
const SEEK_MIN_STEPS: u64 = 1_000_000;
/// How many `state_at` calls the seek test makes.
const SEEKS: usize = 200;
const BYTES_PER_EVENT_BUDGET: f64 = 16.0;
const SEEK_BUDGET_MS: f64 = 5.0;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs bench targets without
    // it, and this bench is far too slow (and timing-only) for a test run.
    if !std::env::args().any(|a| a == "--bench") {
        println!("stackheap engine bench: skipped (run `cargo bench -p stackheap --bench engine`)");
        return ExitCode::SUCCESS;
    }
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            eprintln!("the engine benchmark FAILED");
            ExitCode::FAILURE
        }
    }
}

/// One timed program's figures.
struct Row {
    name: &'static str,
    stats: TraceStats,
    engine: Times,
    /// In-process CPython times and the turns' ratios, when Python is available.
    python: Option<PythonTimes>,
}

/// CPython's times and the turns' ratios.
type PythonTimes = (Times, Ratios);

/// Best and median of the turns' engine/CPython time ratios.
#[derive(Clone, Copy)]
struct Ratios {
    best: f64,
    median: f64,
}

/// Best and median of a measurement's runs.
#[derive(Clone, Copy)]
struct Times {
    best: Duration,
    median: Duration,
}

impl Times {
    fn of(times: &mut [Duration]) -> Times {
        times.sort();
        Times {
            best: times[0],
            median: times[times.len() / 2],
        }
    }
}

fn runs() -> Result<usize, String> {
    match std::env::var("STACKHEAP_BENCH_RUNS") {
        Ok(v) => match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!(
                "STACKHEAP_BENCH_RUNS must be a positive number, not {v:?}"
            )),
        },
        Err(_) => Ok(DEFAULT_RUNS),
    }
}

fn bench() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    println!("stackheap engine benchmark: programs in {}", dir.display());
    let runs = runs()?;
    println!(
        "timings are wall clock, best and median of {runs} in-process runs each \
         (engine: stackheap::run with the full trace; CPython: runpy.run_path of the .py twin \
         timed inside python3, start-up excluded); figures, not assertions\n"
    );

    let python = match find_python() {
        Some(python) => {
            println!("python3: {}", python.display());
            Some(python)
        }
        None => {
            println!(
                "python3 not found: the Python comparison (timing and output check) is skipped"
            );
            None
        }
    };

    let mut rows = Vec::new();
    for &name in PROGRAMS {
        let (source, py) = program_files(&dir, name)?;
        println!("running {name} ...");
        let mut harness = match &python {
            Some(python) => Some(Harness::start(name, python, &py)?),
            None => None,
        };
        let (run, engine, python_times) = time_turns(name, &source, runs, harness.as_mut())?;
        let python_times = match (harness, python_times) {
            (Some(h), Some(times)) => {
                let expected = h.finish()?;
                check_output(name, run.output(), &expected)?;
                Some(times)
            }
            _ => None,
        };
        rows.push(Row {
            name,
            stats: run.stats(),
            engine,
            python: python_times,
        });
    }

    print_table(&rows);
    print_budgets(&rows);
    seek_test(&dir, python.as_deref())
}

fn program_files(dir: &Path, name: &str) -> Result<(String, PathBuf), String> {
    let rs = dir.join(format!("{name}.rs"));
    let source =
        std::fs::read_to_string(&rs).map_err(|e| format!("cannot read {}: {e}", rs.display()))?;
    let py = dir.join(format!("{name}.py"));
    if !py.is_file() {
        return Err(format!("{} is missing", py.display()));
    }
    Ok((source, py))
}

/// Runs the engine `runs` times, each run followed by one CPython run when there is a
/// harness; returns the first engine run, the engine's times, and CPython's times with the
/// ratios of each turn.
fn time_turns(
    name: &str,
    source: &str,
    runs: usize,
    mut harness: Option<&mut Harness>,
) -> Result<(Run, Times, Option<PythonTimes>), String> {
    let overrides = SettingsOverrides {
        max_steps: Some(PROGRAM_MAX_STEPS),
        ..SettingsOverrides::default()
    };
    let mut times = Vec::with_capacity(runs);
    let mut py_times = Vec::with_capacity(runs);
    let mut ratios = Vec::with_capacity(runs);
    let mut first: Option<Run> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let run = black_box(stackheap::run(source, &overrides));
        let engine = start.elapsed();
        times.push(engine);
        check_finished(name, &run)?;
        match &first {
            None => first = Some(run),
            Some(f) if f.output() != run.output() || f.step_count() != run.step_count() => {
                return Err(format!(
                    "{name}: two engine runs of the same program differ (output or step count)"
                ));
            }
            Some(_) => {}
        }
        if let Some(h) = harness.as_deref_mut() {
            let py = h.run_once()?;
            py_times.push(py);
            if py > Duration::ZERO {
                ratios.push(engine.as_secs_f64() / py.as_secs_f64());
            }
        }
    }
    let run = first.expect("runs is at least 1");
    let python = if py_times.is_empty() || ratios.is_empty() {
        None
    } else {
        ratios.sort_by(f64::total_cmp);
        Some((
            Times::of(&mut py_times),
            Ratios {
                best: ratios[0],
                median: ratios[ratios.len() / 2],
            },
        ))
    };
    Ok((run, Times::of(&mut times), python))
}

/// A run that did not end with exit code 0 is an error, with its diagnostics.
fn check_finished(name: &str, run: &Run) -> Result<(), String> {
    if run.exit_code() == 0 {
        return Ok(());
    }
    let mut message = format!(
        "{name}: the engine's run ended with exit code {} ({:?}) after {} steps, not 0",
        run.exit_code(),
        run.outcome,
        run.step_count()
    );
    for d in &run.diagnostics {
        let _ = write!(
            message,
            "\n  {:?} ({:?}): {}",
            d.severity, d.kind, d.message
        );
        if let Some(step) = d.step {
            let _ = write!(message, " [at step {step}]");
        }
        for note in &d.notes {
            let _ = write!(message, "\n    note: {note}");
        }
    }
    if !run.output().is_empty() {
        let _ = write!(message, "\n  output so far:\n{}", indent(run.output()));
    }
    Err(message)
}

fn check_output(name: &str, engine: &str, python: &str) -> Result<(), String> {
    if engine == python {
        return Ok(());
    }
    Err(format!(
        "{name}: the engine printed something different from {name}.py\n  engine printed:\n{}\n  python3 printed:\n{}",
        indent(engine),
        indent(python)
    ))
}

fn indent(text: &str) -> String {
    if text.is_empty() {
        return "    (nothing)".to_string();
    }
    text.lines()
        .map(|l| format!("    {l:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The interpreter `python3` on the PATH resolves to (going around launcher shims such as
/// pyenv's, whose own start-up would swamp the figures), or `None` when there is none.
fn find_python() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let path = String::from_utf8(out.stdout).ok()?;
    let path = PathBuf::from(path.trim());
    Some(if path.is_file() {
        path
    } else {
        PathBuf::from("python3")
    })
}

/// A python3 process running `PY_HARNESS` on one `.py` file: one run per request.
struct Harness {
    name: String,
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    stderr: std::io::BufReader<std::process::ChildStderr>,
    /// What the harness wrote on stderr other than times, for error messages.
    other: String,
}

impl Harness {
    fn start(name: &str, python: &Path, py: &Path) -> Result<Harness, String> {
        use std::process::Stdio;
        let mut child = Command::new(python)
            .arg("-c")
            .arg(PY_HARNESS)
            .arg(py)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run python3: {e}"))?;
        let (Some(stdin), Some(stderr)) = (child.stdin.take(), child.stderr.take()) else {
            return Err(format!("{name}: python3's pipes could not be opened"));
        };
        Ok(Harness {
            name: name.to_string(),
            child,
            stdin: Some(stdin),
            stderr: std::io::BufReader::new(stderr),
            other: String::new(),
        })
    }

    /// Asks for one run and waits for its time.
    fn run_once(&mut self) -> Result<Duration, String> {
        use std::io::{BufRead as _, Write as _};
        let name = &self.name;
        let sent = self
            .stdin
            .as_mut()
            .map(|stdin| stdin.write_all(b"run\n").and_then(|()| stdin.flush()));
        if !matches!(sent, Some(Ok(()))) {
            return Err(format!(
                "{name}: python3 stopped taking requests:\n{}",
                self.other
            ));
        }
        loop {
            let mut line = String::new();
            let n = self
                .stderr
                .read_line(&mut line)
                .map_err(|e| format!("{name}: reading python3's times: {e}"))?;
            if n == 0 {
                return Err(format!(
                    "{name}: python3 ended without reporting a time:\n{}",
                    self.other
                ));
            }
            match line.trim_end().strip_prefix(TIMES_MARK) {
                Some(t) => {
                    return t
                        .parse::<u64>()
                        .map(Duration::from_nanos)
                        .map_err(|e| format!("{name}: bad time from the python3 harness: {e}"))
                }
                None => self.other.push_str(&line),
            }
        }
    }

    /// Ends the harness; returns what the program printed.
    fn finish(mut self) -> Result<String, String> {
        use std::io::Read as _;
        let name = self.name.clone();
        drop(self.stdin.take());
        let mut rest = String::new();
        let _ = self.stderr.read_to_string(&mut rest);
        self.other.push_str(&rest);
        let out = self
            .child
            .wait_with_output()
            .map_err(|e| format!("{name}: waiting for python3: {e}"))?;
        if out.status.code() == Some(3) {
            return Err(format!("{name}: two python3 runs printed different things"));
        }
        if !out.status.success() {
            return Err(format!(
                "{name}: python3 failed ({}):\n{}",
                out.status, self.other
            ));
        }
        String::from_utf8(out.stdout)
            .map_err(|_| format!("{name}: python3 printed bytes that are not UTF-8"))
    }
}

fn print_table(rows: &[Row]) {
    println!();
    println!(
        "{:<14} {:>9} {:>9} {:>10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}",
        "program",
        "steps",
        "events",
        "trace B",
        "B/event",
        "eng best",
        "eng med",
        "py best",
        "py med",
        "best e/p",
        "med e/p"
    );
    println!(
        "{:<14} {:>58} {:>9} {:>9} {:>9}",
        "", "(ms)", "(ms)", "(ms)", "(ms)"
    );
    println!("{}", "-".repeat(111));
    for r in rows {
        let (py_best, py_med, best_ratio, med_ratio) = match r.python {
            Some((py, ratios)) => (
                format!("{:.2}", ms(py.best)),
                format!("{:.2}", ms(py.median)),
                format!("{:.2}x", ratios.best),
                format!("{:.2}x", ratios.median),
            ),
            None => ("-".into(), "-".into(), "-".into(), "-".into()),
        };
        println!(
            "{:<14} {:>9} {:>9} {:>10} {:>7} {:>9.2} {:>9.2} {:>9} {:>9} {:>8} {:>8}",
            r.name,
            r.stats.steps,
            r.stats.events,
            r.stats.trace_bytes,
            per_event(r.stats.trace_bytes, r.stats.events),
            ms(r.engine.best),
            ms(r.engine.median),
            py_best,
            py_med,
            best_ratio,
            med_ratio
        );
    }
}

fn print_budgets(rows: &[Row]) {
    println!(
        "\nbudget: the loop-heavy programs not slower than CPython (the median of the turns' engine/CPython ratios at most 1; median times in brackets)"
    );
    let (budgeted, tracked): (Vec<&Row>, Vec<&Row>) =
        rows.iter().partition(|r| BUDGETED.contains(&r.name));
    for r in budgeted {
        print_ratio(r);
    }
    if !tracked.is_empty() {
        println!("not budgeted, compared the same way:");
        for r in tracked {
            print_ratio(r);
        }
    }
    let events: u64 = rows.iter().map(|r| r.stats.events).sum();
    let bytes: u64 = rows.iter().map(|r| r.stats.trace_bytes).sum();
    print!(
        "budget: trace bytes per event <= {BYTES_PER_EVENT_BUDGET}: average {} ({bytes} bytes / {events} events over all programs)",
        per_event(bytes, events)
    );
    if events > 0 {
        let within = bytes as f64 / events as f64 <= BYTES_PER_EVENT_BUDGET;
        println!(
            ", {}",
            if within {
                "within budget"
            } else {
                "OVER budget"
            }
        );
    } else {
        println!();
    }
}

/// One program's line of the CPython comparison: whether it is slower, with the figures.
fn print_ratio(r: &Row) {
    match r.python {
        Some((py, ratios)) => println!(
            "  {:<14} slower than CPython: {:<3}  (median ratio {:.2}x; {:.2} ms vs {:.2} ms)",
            r.name,
            if ratios.median > 1.0 { "yes" } else { "no" },
            ratios.median,
            ms(r.engine.median),
            ms(py.median),
        ),
        None => println!("  {:<14} slower than CPython: skipped (no python3)", r.name),
    }
}

fn seek_test(dir: &Path, python: Option<&Path>) -> Result<(), String> {
    println!("\nseek test: {SEEKS} calls of state_at on the trace of {SEEK_PROGRAM}.rs");
    let (source, py) = program_files(dir, SEEK_PROGRAM)?;
    let overrides = SettingsOverrides {
        max_steps: Some(SEEK_MAX_STEPS),
        ..SettingsOverrides::default()
    };
    let start = Instant::now();
    let run = stackheap::run(&source, &overrides);
    let elapsed = start.elapsed();
    check_finished(SEEK_PROGRAM, &run)?;
    if let Some(python) = python {
        let out = Command::new(python)
            .arg(&py)
            .output()
            .map_err(|e| format!("cannot run python3 {}: {e}", py.display()))?;
        if !out.status.success() {
            return Err(format!(
                "{SEEK_PROGRAM}: `python3 {}` failed ({})",
                py.display(),
                out.status
            ));
        }
        check_output(
            SEEK_PROGRAM,
            run.output(),
            &String::from_utf8_lossy(&out.stdout),
        )?;
    }
    let stats = run.stats();
    let steps = run.step_count();
    println!(
        "  trace: {} steps, {} events, {} bytes ({} B/event), built in {:.1} ms",
        steps,
        stats.events,
        stats.trace_bytes,
        per_event(stats.trace_bytes, stats.events),
        ms(elapsed)
    );
    if steps < SEEK_MIN_STEPS {
        println!(
            "  WARNING: the trace has fewer than {SEEK_MIN_STEPS} steps; {SEEK_PROGRAM}.rs needs a longer loop for this engine"
        );
    }

    let mut rng = XorShift(0x5eed_cafe_f00d_d00d);
    let mut times = Vec::with_capacity(SEEKS);
    for _ in 0..SEEKS {
        let target = rng.next() % (steps + 1);
        let start = Instant::now();
        let state = black_box(run.state_at(black_box(target)));
        times.push(start.elapsed());
        if state.step != target {
            return Err(format!(
                "{SEEK_PROGRAM}: state_at({target}) returned the state at step {}",
                state.step
            ));
        }
    }
    let max = times.iter().copied().max().unwrap_or_default();
    let med = median(&mut times);
    let verdict = |d: Duration| {
        if ms(d) <= SEEK_BUDGET_MS {
            "within budget"
        } else {
            "OVER budget"
        }
    };
    println!("  budget {SEEK_BUDGET_MS} ms per seek:");
    println!("    median {:.3} ms ({})", ms(med), verdict(med));
    println!("    max    {:.3} ms ({})", ms(max), verdict(max));
    Ok(())
}

/// A small deterministic generator, so every run seeks to the same steps.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn per_event(bytes: u64, events: u64) -> String {
    if events == 0 {
        "n/a".to_string()
    } else {
        format!("{:.2}", bytes as f64 / events as f64)
    }
}
