//! `cargo xtask`: the project's tasks (`test`, `bench`, `serve`, `build`, `report`) as one
//! small program, so that CI, the README and a developer all run the same commands. The
//! tasks that need the page install what is missing first (see `setup.rs`).

mod page;
mod setup;

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
    /// Check formatting, run clippy with warnings denied, run every Rust test, the
    /// WebAssembly facade's tests under node, then the page's browser tests.
    Test {
        /// Skip the facade and browser tests (only fmt, clippy and `cargo test`).
        #[arg(long)]
        rust_only: bool,
    },
    /// Run the engine benchmark (`cargo bench -p stackheap --bench engine`).
    Bench {
        /// Passed on to the benchmark after `--`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
    /// Install what is missing, build the page and serve it on 127.0.0.1.
    Serve {
        /// Port to listen on.
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Install what is missing and build the page into web/dist, a static folder.
    Build,
    /// Build the page, then print its gzipped sizes and how fast it steps and re-runs.
    Report,
}

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Test { rust_only } => test(rust_only),
        Task::Bench { args } => bench(args),
        Task::Serve { port } => page::build_and_serve(port),
        Task::Build => page::build().map(|dist| {
            eprintln!("xtask build: the page is in {}", dist.display());
        }),
        Task::Report => page::report(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: two levels above this crate's manifest.
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .expect("crates/xtask sits two levels below the workspace root")
        .to_path_buf()
}

/// The cargo that started us, so the same toolchain does every step.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(workspace_root());
    cmd
}

/// Runs a command; on failure says which one failed.
pub fn run(mut cmd: Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("xtask: running `{shown}`");
    match cmd.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("`{shown}` failed ({status})")),
        Err(e) => Err(format!("could not start `{shown}`: {e}")),
    }
}

fn cargo_step(args: &[&str]) -> Result<(), String> {
    let mut cmd = cargo();
    cmd.args(args);
    run(cmd)
}

fn test(rust_only: bool) -> Result<(), String> {
    let started = std::time::Instant::now();
    cargo_step(&["fmt", "--all", "--check"])?;
    cargo_step(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo_step(&["test", "--workspace"])?;
    // The page's WebAssembly runs the hot loop's general code: run the corpus through it too.
    cargo_step(&[
        "test",
        "-p",
        "stackheap",
        "--features",
        "general-hot-loop",
        "--test",
        "optimizer",
        "--test",
        "differential",
    ])?;
    if !rust_only {
        setup::ensure_page_tools()?;
        setup::ensure_browser()?;
        page::test_facade()?;
        page::test_browser()?;
    }
    eprintln!(
        "xtask test: everything passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn bench(args: Vec<OsString>) -> Result<(), String> {
    let mut cmd = cargo();
    cmd.args(["bench", "-p", "stackheap", "--bench", "engine"]);
    if !args.is_empty() {
        cmd.arg("--").args(args);
    }
    run(cmd)
}
