//! The engine benchmark, run with `cargo bench -p stackheap --bench engine`.
//!
//! For each loop-heavy program in `benches/programs/` it times the engine (median of 3 runs)
//! against CPython running the program's `.py` twin (median of 3, minus `python3 -c pass`
//! startup), checks that both print the same thing, and prints trace sizes. Then it reports
//! the budgets: whether the engine is slower than CPython, and the average bytes per event
//! against 16. Last, it seeks with `state_at` to 200 pseudo-random steps of a trace of over
//! 1,000,000 steps and reports the median and maximum against the 5 ms budget.
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
/// The program whose long trace the seek test runs `state_at` on.
const SEEK_PROGRAM: &str = "long_loop";
/// Runs per measurement; the median is reported.
const RUNS: usize = 3;
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
    engine: Duration,
    /// Raw and startup-corrected medians, when Python is available.
    python: Option<(Duration, Duration)>,
}

fn bench() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    println!("stackheap engine benchmark: programs in {}", dir.display());
    println!("timings are wall clock, median of {RUNS} runs; figures, not assertions\n");

    let python = match find_python() {
        Some(python) => {
            let startup = python_startup(&python)?;
            println!("python3: {}", python.display());
            println!(
                "python3 startup (`python3 -c pass`): {:.1} ms, subtracted from the Python times",
                ms(startup)
            );
            Some((python, startup))
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
        let (run, engine) = time_engine(name, &source, PROGRAM_MAX_STEPS)?;
        let python_times = match &python {
            Some((python, startup)) => {
                let (expected, raw) = time_python(name, python, &py)?;
                check_output(name, run.output(), &expected)?;
                Some((raw, raw.saturating_sub(*startup)))
            }
            None => None,
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
    seek_test(&dir, python.as_ref().map(|(p, _)| p.as_path()))
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

/// Runs the engine `RUNS` times; returns the first run and the median wall time.
fn time_engine(name: &str, source: &str, max_steps: u64) -> Result<(Run, Duration), String> {
    let overrides = SettingsOverrides {
        max_steps: Some(max_steps),
        ..SettingsOverrides::default()
    };
    let mut times = Vec::with_capacity(RUNS);
    let mut first: Option<Run> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let run = black_box(stackheap::run(source, &overrides));
        times.push(start.elapsed());
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
    }
    let run = first.expect("RUNS is at least 1");
    Ok((run, median(&mut times)))
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

/// Median wall time of `python3 -c pass`.
fn python_startup(python: &Path) -> Result<Duration, String> {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = Command::new(python)
            .args(["-c", "pass"])
            .output()
            .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
        times.push(start.elapsed());
        if !out.status.success() {
            return Err(format!(
                "`python3 -c pass` failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    Ok(median(&mut times))
}

/// Runs `python3 NAME.py` `RUNS` times; returns its output and the median wall time.
fn time_python(name: &str, python: &Path, py: &Path) -> Result<(String, Duration), String> {
    let mut times = Vec::with_capacity(RUNS);
    let mut output: Option<String> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = Command::new(python)
            .arg(py)
            .output()
            .map_err(|e| format!("cannot run python3 {}: {e}", py.display()))?;
        times.push(start.elapsed());
        if !out.status.success() {
            return Err(format!(
                "{name}: `python3 {}` failed ({}):\n{}",
                py.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let text = String::from_utf8(out.stdout)
            .map_err(|_| format!("{name}: python3 printed bytes that are not UTF-8"))?;
        match &output {
            None => output = Some(text),
            Some(o) if *o != text => {
                return Err(format!("{name}: two python3 runs printed different things"));
            }
            Some(_) => {}
        }
    }
    Ok((output.unwrap_or_default(), median(&mut times)))
}

fn print_table(rows: &[Row]) {
    println!();
    println!(
        "{:<14} {:>10} {:>10} {:>12} {:>8} {:>10} {:>10} {:>10} {:>9}",
        "program",
        "steps",
        "events",
        "trace B",
        "B/event",
        "engine ms",
        "py raw ms",
        "py net ms",
        "eng/py"
    );
    println!("{}", "-".repeat(101));
    for r in rows {
        let (raw, net, ratio) = match r.python {
            Some((raw, net)) => (
                format!("{:.1}", ms(raw)),
                format!("{:.1}", ms(net)),
                ratio(r.engine, net).map_or("n/a".to_string(), |x| format!("{x:.2}x")),
            ),
            None => ("-".into(), "-".into(), "-".into()),
        };
        println!(
            "{:<14} {:>10} {:>10} {:>12} {:>8} {:>10.1} {:>10} {:>10} {:>9}",
            r.name,
            r.stats.steps,
            r.stats.events,
            r.stats.trace_bytes,
            per_event(r.stats.trace_bytes, r.stats.events),
            ms(r.engine),
            raw,
            net,
            ratio
        );
    }
}

fn print_budgets(rows: &[Row]) {
    println!("\nbudget: not slower than CPython (engine time vs python3 time minus startup)");
    for r in rows {
        match r.python {
            Some((_, net)) => println!(
                "  {:<14} slower than CPython: {:<3}  ({:.1} ms vs {:.1} ms)",
                r.name,
                if r.engine > net { "yes" } else { "no" },
                ms(r.engine),
                ms(net)
            ),
            None => println!("  {:<14} slower than CPython: skipped (no python3)", r.name),
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

fn ratio(engine: Duration, python: Duration) -> Option<f64> {
    (python > Duration::ZERO).then(|| engine.as_secs_f64() / python.as_secs_f64())
}

fn per_event(bytes: u64, events: u64) -> String {
    if events == 0 {
        "n/a".to_string()
    } else {
        format!("{:.2}", bytes as f64 / events as f64)
    }
}
