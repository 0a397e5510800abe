//! The `stackheap` command: `run` a program as if rustc had built it, or `trace` every step it
//! takes through the byte-array stack and heap.

mod args;
mod render;
mod trace;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use stackheap::{Diagnostic, DiagnosticKind, Run};

use args::{Cli, Command, SettingsArgs};
use render::{DiagnosticRenderer, SourceFile};

/// What to print on stdout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Run,
    TraceText,
    TraceJson,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Run(a) => execute(&a.file, &a.settings, a.stats, Mode::Run),
        Command::Trace(a) => {
            let mode = if a.json {
                Mode::TraceJson
            } else {
                Mode::TraceText
            };
            execute(&a.file, &a.settings, a.stats, mode)
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// Colour on stderr only when it is a terminal and `NO_COLOR` is not set.
fn stderr_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && io::stderr().is_terminal()
}

/// Reads and runs one file, prints what `mode` asks for, and returns the exit code.
fn execute(path: &Path, settings: &SettingsArgs, stats: bool, mode: Mode) -> i32 {
    let name = path.display().to_string();
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot read `{name}`: {e}");
            return 1;
        }
    };
    let started = Instant::now();
    let run = stackheap::run(&source, &settings.overrides());
    let elapsed = started.elapsed();

    let file = SourceFile::new(&name, &source);
    let renderer = DiagnosticRenderer::new(stderr_color());
    if let Err(e) = print_run(&run, &file, &renderer, mode) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write to stdout: {e}");
            return 1;
        }
    }
    if stats {
        eprint!("{}", stats_text(&run, elapsed));
    }
    run.exit_code()
}

/// stdout gets the trace (if asked for) and the program's output; stderr gets compile
/// diagnostics first and the runtime error last, as a rustc build followed by the program would.
fn print_run(
    run: &Run,
    file: &SourceFile<'_>,
    renderer: &DiagnosticRenderer,
    mode: Mode,
) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    if mode == Mode::TraceJson {
        trace::write_json(&mut out, run)?;
        return out.flush();
    }
    // Leaks are reported after the program's output, like LeakSanitizer's report at exit.
    let runtime_error = run
        .runtime_error()
        .filter(|d| d.kind != DiagnosticKind::Leak);
    let leaks: Vec<&Diagnostic> = run.leaks().collect();
    let compile: Vec<&Diagnostic> = run
        .diagnostics
        .iter()
        .filter(|d| d.kind != DiagnosticKind::Leak)
        .filter(|d| runtime_error.is_none_or(|r| !std::ptr::eq(*d, r)))
        .collect();
    let mut err = io::stderr().lock();
    for d in &compile {
        write!(err, "{}\n\n", renderer.diagnostic(file, d))?;
    }
    if let Some(summary) = renderer.summary(&compile) {
        writeln!(err, "{summary}")?;
    }
    drop(err);

    if mode == Mode::TraceText {
        trace::write_text(&mut out, run)?;
    }
    out.write_all(run.output().as_bytes())?;
    out.flush()?;
    drop(out);
    // What the program wrote with `eprint!` goes to stderr, as a rustc-built program's does.
    if mode != Mode::TraceJson {
        io::stderr().lock().write_all(run.stderr().as_bytes())?;
    }

    if let Some(d) = runtime_error {
        eprintln!("{}", renderer.runtime_error(file, d));
    }
    if !leaks.is_empty() {
        eprintln!("{}", renderer.leaks(file, &leaks));
    }
    Ok(())
}

/// The `--stats` report.
fn stats_text(run: &Run, elapsed: Duration) -> String {
    let s = run.stats();
    let per_event = if s.events == 0 {
        "n/a".to_string()
    } else {
        format!("{:.1}", s.trace_bytes as f64 / s.events as f64)
    };
    format!(
        "steps:           {}\nevents:          {}\ntrace bytes:     {}\nbytes per event: {per_event}\nwall time:       {:.3} ms\n",
        s.steps,
        s.events,
        s.trace_bytes,
        elapsed.as_secs_f64() * 1000.0
    )
}
