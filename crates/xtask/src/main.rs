//! `cargo xtask`: the project's tasks (`test`, `bench`, `serve`, `build`) as one small program,
//! so that CI, the README and a developer all run the same commands.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "xtask",
    bin_name = "cargo xtask",
    about = "Tasks for the stackheap workspace"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Check formatting, run clippy with warnings denied, then run every test.
    Test,
    /// Run the engine benchmark (`cargo bench -p stackheap --bench engine`).
    Bench {
        /// Passed on to the benchmark after `--`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
    /// Serve the playground page (not built yet).
    Serve,
    /// Build the playground page with wasm-pack (not built yet).
    Build,
}

/// Exit status of `serve` and `build` while the page does not exist.
const NOT_BUILT_YET: u8 = 2;

fn main() -> ExitCode {
    match Cli::parse().task {
        Task::Test => test(),
        Task::Bench { args } => bench(args),
        Task::Serve | Task::Build => {
            eprintln!(
                "xtask: the playground page is not built yet; `cargo xtask serve` and \
                 `cargo xtask build` will work once it is"
            );
            ExitCode::from(NOT_BUILT_YET)
        }
    }
}

/// The workspace root: two levels above this crate's manifest.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .expect("crates/xtask sits two levels below the workspace root")
        .to_path_buf()
}

/// The cargo that started us, so the same toolchain does every step.
fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(workspace_root());
    cmd
}

/// Runs `cargo ARGS`; on failure says which step failed.
fn step(args: &[&str]) -> Result<(), String> {
    let shown = format!("cargo {}", args.join(" "));
    eprintln!("xtask: running `{shown}`");
    match cargo().args(args).status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("`{shown}` failed ({status})")),
        Err(e) => Err(format!("could not start `{shown}`: {e}")),
    }
}

fn test() -> ExitCode {
    let steps: [&[&str]; 3] = [
        &["fmt", "--all", "--check"],
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &["test", "--workspace"],
    ];
    for args in steps {
        if let Err(message) = step(args) {
            eprintln!("xtask test: {message}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!("xtask test: formatting, clippy and tests all passed");
    ExitCode::SUCCESS
}

fn bench(args: Vec<OsString>) -> ExitCode {
    let mut cmd = cargo();
    cmd.args(["bench", "-p", "stackheap", "--bench", "engine"]);
    if !args.is_empty() {
        cmd.arg("--").args(args);
    }
    match cmd.status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("xtask bench: `cargo bench -p stackheap --bench engine` failed ({status})");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("xtask bench: could not start cargo: {e}");
            ExitCode::FAILURE
        }
    }
}
