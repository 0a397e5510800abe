//! Command-line arguments: the `run` and `trace` subcommands and the settings flags they share.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use stackheap::settings::{parse_size, parse_steps};
use stackheap::{AllocatorPolicy, Checks, MemoryMode, PtrWidth, SettingsOverrides};

/// Runs a small Rust program against a byte-array stack and heap and shows what it does to memory.
#[derive(Debug, Parser)]
#[command(name = "stackheap", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a program: its output on stdout, diagnostics on stderr, its exit code as ours.
    Run(RunArgs),
    /// Run a program and print every step with its memory events, then its output.
    Trace(TraceArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The Rust source file to run.
    pub file: PathBuf,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Print the trace's size and the run's wall time on stderr.
    #[arg(long)]
    pub stats: bool,
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The Rust source file to run.
    pub file: PathBuf,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Print the trace's size and the run's wall time on stderr.
    #[arg(long)]
    pub stats: bool,
    /// Print one JSON document (settings, steps, output, outcome, diagnostics) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// One flag per setting; each one given wins over the program's `// stackheap:` comment.
#[derive(Debug, Default, Args)]
pub struct SettingsArgs {
    /// Size of the stack in bytes (4096, 64k, 1M).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub stack_size: Option<u32>,
    /// Size of the heap in bytes (4096, 64k, 1M).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub heap_size: Option<u32>,
    /// Width of pointers, `usize` and `isize`, in bits.
    #[arg(long, value_name = "BITS")]
    pub ptr_width: Option<PtrWidthArg>,
    /// How the allocator picks a free range for a new block.
    #[arg(long, value_name = "POLICY")]
    pub allocator: Option<AllocatorArg>,
    /// Stop the run with an error after this many steps.
    #[arg(long, value_name = "N", value_parser = parse_steps)]
    pub max_steps: Option<u64>,
    /// Manual memory mode: the program calls `alloc` and `dealloc`; nothing is freed for it.
    #[arg(long)]
    pub manual: bool,
    /// Let manual-mode memory errors happen instead of stopping at the first one.
    #[arg(long)]
    pub unchecked: bool,
    /// Treat blocks still live at the end of a manual-mode run as an error (exit 101).
    #[arg(long)]
    pub deny_leaks: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PtrWidthArg {
    #[value(name = "32")]
    W32,
    #[value(name = "64")]
    W64,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum AllocatorArg {
    /// The lowest-addressed free range that fits.
    FirstFit,
    /// The smallest free range that fits.
    BestFit,
    /// The first range that fits after the last allocation.
    NextFit,
    /// Always after the highest block; freed bytes are never reused.
    Bump,
}

impl SettingsArgs {
    pub fn overrides(&self) -> SettingsOverrides {
        SettingsOverrides {
            stack_size: self.stack_size,
            heap_size: self.heap_size,
            ptr_width: self.ptr_width.map(|w| match w {
                PtrWidthArg::W32 => PtrWidth::W32,
                PtrWidthArg::W64 => PtrWidth::W64,
            }),
            allocator: self.allocator.map(|a| match a {
                AllocatorArg::FirstFit => AllocatorPolicy::FirstFit,
                AllocatorArg::BestFit => AllocatorPolicy::BestFit,
                AllocatorArg::NextFit => AllocatorPolicy::NextFit,
                AllocatorArg::Bump => AllocatorPolicy::Bump,
            }),
            max_steps: self.max_steps,
            mode: self.manual.then_some(MemoryMode::Manual),
            checks: self.unchecked.then_some(Checks::Unchecked),
            deny_leaks: self.deny_leaks.then_some(true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_fill_overrides() {
        let cli = Cli::try_parse_from([
            "stackheap",
            "run",
            "x.rs",
            "--stack-size",
            "64k",
            "--heap-size",
            "1M",
            "--ptr-width",
            "32",
            "--allocator",
            "next-fit",
            "--max-steps",
            "1_000",
        ])
        .unwrap();
        let Command::Run(args) = cli.command else {
            panic!("expected run");
        };
        let o = args.settings.overrides();
        assert_eq!(o.stack_size, Some(65536));
        assert_eq!(o.heap_size, Some(1 << 20));
        assert_eq!(o.ptr_width, Some(PtrWidth::W32));
        assert_eq!(o.allocator, Some(AllocatorPolicy::NextFit));
        assert_eq!(o.max_steps, Some(1000));
    }

    #[test]
    fn no_flags_override_nothing() {
        let cli = Cli::try_parse_from(["stackheap", "trace", "x.rs"]).unwrap();
        let Command::Trace(args) = cli.command else {
            panic!("expected trace");
        };
        assert_eq!(args.settings.overrides(), SettingsOverrides::default());
    }
}
