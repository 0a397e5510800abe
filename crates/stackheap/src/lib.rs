//! stackheap's engine: parses a small Rust program, checks it as rustc would, runs it against
//! two byte arrays (`stack_bytes` and `heap_bytes`) and records every step so that the state
//! of memory at any step can be rebuilt.
//!
//! The entry point is [`run`]; everything the CLI and the page need is reachable from [`Run`].

pub mod diagnostic;
pub mod event;
pub mod lessons;
pub mod settings;
pub mod span;

mod ast;
mod borrowck;
mod check;
mod compile;
mod exhaustive;
mod format;
mod lexer;
mod lifetimes;
mod machine;
mod maps;
mod memory;
mod optimize;
mod parser;
mod trace;
mod types;

pub use diagnostic::{
    Access, BlockReport, Diagnostic, DiagnosticKind, Label, MemoryErrorKind, MemoryReport, Severity,
};
pub use event::{
    BlockState, BlockView, Event, FrameView, MemoryState, Region, StepInfo, StepKind, VariableView,
};
pub use settings::{AllocatorPolicy, Checks, MemoryMode, PtrWidth, Settings, SettingsOverrides};
pub use span::{LineIndex, Span};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The program did not compile; nothing ran.
    CompileError,
    /// `main` returned.
    Finished,
    /// A panic, stack overflow, out-of-heap or the step limit stopped the run.
    RuntimeError,
}

/// Sizes of a recorded trace, for `--stats` and the benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TraceStats {
    pub steps: u64,
    pub events: u64,
    /// Bytes the trace takes in memory: the encoded events plus checkpoints.
    pub trace_bytes: u64,
}

/// A finished run: its settings, diagnostics, outcome and recorded trace.
pub struct Run {
    pub settings: Settings,
    /// Compile errors and warnings, then the runtime error if there was one.
    pub diagnostics: Vec<Diagnostic>,
    pub outcome: Outcome,
    trace: trace::Trace,
}

impl Run {
    /// The exit status rustc's build would end with: 0, 1 for a compile error, 101 for a panic.
    pub fn exit_code(&self) -> i32 {
        match self.outcome {
            Outcome::Finished => 0,
            Outcome::CompileError => 1,
            Outcome::RuntimeError => 101,
        }
    }

    /// Everything the program printed.
    pub fn output(&self) -> &str {
        self.trace.output()
    }

    /// Everything the program printed on stderr with `eprint!` and `eprintln!`.
    pub fn stderr(&self) -> &str {
        self.trace.stderr()
    }

    /// The error that stopped the run, if one did (with `deny-leaks`, the last leak).
    pub fn runtime_error(&self) -> Option<&Diagnostic> {
        match self.outcome {
            Outcome::RuntimeError => self.diagnostics.last(),
            _ => None,
        }
    }

    /// Blocks still live at the end of a manual-mode run, one diagnostic each.
    pub fn leaks(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::Leak)
    }

    /// Bytes in live heap blocks over the run: `(step, bytes)` at step 0 and at every step
    /// after which the amount changed (`step` counts steps run, as in `state_at`).
    pub fn heap_in_use(&self) -> Vec<(u64, u32)> {
        self.trace.heap_in_use()
    }

    pub fn step_count(&self) -> u64 {
        self.trace.step_count()
    }

    /// Step `index` (0-based) with its events.
    pub fn step(&self, index: u64) -> Option<StepInfo> {
        self.trace.step(index)
    }

    /// Every step in order.
    pub fn steps(&self) -> impl Iterator<Item = StepInfo> + '_ {
        self.trace.steps()
    }

    /// Memory after the first `steps` steps have run (0 is before the first step;
    /// `step_count()` is the end of the run).
    pub fn state_at(&self, steps: u64) -> MemoryState {
        self.trace.state_at(steps)
    }

    pub fn stats(&self) -> TraceStats {
        self.trace.stats()
    }
}

/// Runs a program: settings from its `// stackheap:` comment, overridden by `overrides`.
pub fn run(source: &str, overrides: &SettingsOverrides) -> Run {
    run_with(source, overrides, true)
}

/// [`run`] without the optimisation passes over the compiled code: the machine runs the
/// operations as the compiler emitted them. Every run must give the same output,
/// diagnostics, steps, events and memory states as with them (`tests/optimizer.rs`).
#[doc(hidden)]
pub fn run_unoptimized(source: &str, overrides: &SettingsOverrides) -> Run {
    run_with(source, overrides, false)
}

fn run_with(source: &str, overrides: &SettingsOverrides, optimize: bool) -> Run {
    let (from_comment, mut diagnostics) = SettingsOverrides::from_source(source);
    let mut settings = Settings::default();
    settings.apply(&from_comment);
    settings.apply(overrides);
    if !diagnostics.is_empty() {
        return Run {
            trace: trace::Trace::empty(&settings),
            settings,
            diagnostics,
            outcome: Outcome::CompileError,
        };
    }
    let (program, mut compile_diags) = compile::compile(source, &settings);
    diagnostics.append(&mut compile_diags);
    let mut program = match program {
        Some(p) if !diagnostics.iter().any(Diagnostic::is_error) => p,
        _ => {
            return Run {
                trace: trace::Trace::empty(&settings),
                settings,
                diagnostics,
                outcome: Outcome::CompileError,
            }
        }
    };
    (program.code, program.step_sites) =
        optimize::link(&mut program.functions, program.ptr, optimize);
    let (trace, error, leaks) = machine::execute(std::sync::Arc::new(program), &settings);
    let outcome = match error {
        Some(e) => {
            diagnostics.push(e);
            Outcome::RuntimeError
        }
        // With `deny-leaks`, leaks are errors and end the run as one.
        None if settings.deny_leaks && !leaks.is_empty() => {
            diagnostics.extend(leaks);
            Outcome::RuntimeError
        }
        None => {
            diagnostics.extend(leaks);
            Outcome::Finished
        }
    };
    Run {
        settings,
        diagnostics,
        outcome,
        trace,
    }
}
