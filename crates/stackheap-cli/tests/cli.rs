//! Runs the built `stackheap` binary: argument errors, unreadable files, settings reaching the
//! engine, the rendering of diagnostics and the `--json` document. Tests marked
//! `#[ignore = "needs the engine"]` need an engine that runs programs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch directory removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("stackheap-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn stackheap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stackheap"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the stackheap binary runs")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stackheap"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the stackheap binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", stdout(o)))
}

// ---- arguments -------------------------------------------------------------------------

#[test]
fn no_subcommand_is_a_usage_error() {
    let o = stackheap(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage: stackheap"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let o = stackheap(&["execute", "x.rs"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unrecognized subcommand 'execute'"));
}

#[test]
fn missing_file_argument_is_a_usage_error() {
    for sub in ["run", "trace"] {
        let o = stackheap(&[sub]);
        assert_eq!(o.status.code(), Some(2), "{sub}");
        assert!(stderr(&o).contains("<FILE>"), "{sub}: {}", stderr(&o));
    }
}

#[test]
fn bad_flag_values_are_rejected_with_the_reason() {
    let cases: [(&[&str], &str); 7] = [
        (&["--ptr-width", "16"], "possible values: 32, 64"),
        (&["--allocator", "worst-fit"], "first-fit"),
        (&["--heap-size", "lots"], "`lots` is not a size"),
        (&["--stack-size", "0"], "must be between 1 byte"),
        (&["--stack-size", "2048M"], "must be between 1 byte"),
        (&["--max-steps", "0"], "is not a step count"),
        (&["--max-steps", "many"], "is not a step count"),
    ];
    for sub in ["run", "trace"] {
        for (flags, reason) in cases {
            let mut args = vec![sub, "does-not-matter.rs"];
            args.extend_from_slice(flags);
            let o = stackheap(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            let err = stderr(&o);
            assert!(err.contains(flags[0]), "{args:?}: {err}");
            assert!(err.contains(reason), "{args:?}: {err}");
        }
    }
}

#[test]
fn json_is_only_a_trace_flag() {
    let o = stackheap(&["run", "x.rs", "--json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_lists_every_flag() {
    for sub in ["run", "trace"] {
        let o = stackheap(&[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        let help = stdout(&o);
        for flag in [
            "--stack-size",
            "--heap-size",
            "--ptr-width",
            "--allocator",
            "--max-steps",
            "--stats",
        ] {
            assert!(help.contains(flag), "{sub} --help lacks {flag}");
        }
        assert_eq!(help.contains("--json"), sub == "trace");
    }
}

// ---- files -----------------------------------------------------------------------------

#[test]
fn missing_file_is_a_clear_error() {
    let s = Scratch::new("missing");
    for sub in ["run", "trace"] {
        let o = run_in(&s.0, &[sub, "no/such/file.rs"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(
            err.starts_with("error: cannot read `no/such/file.rs`: "),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn directory_is_a_clear_error() {
    let s = Scratch::new("directory");
    let o = stackheap(&["run", s.0.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("error: cannot read `"));
}

#[test]
fn non_utf8_file_is_a_clear_error() {
    let s = Scratch::new("utf8");
    let path = s.file("latin1.rs", b"fn main() { let s = \"\xe9\"; }\n");
    let o = stackheap(&["trace", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read"));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
}

// ---- settings reach the engine ---------------------------------------------------------

#[test]
fn bad_comment_setting_is_a_compile_error_naming_it() {
    let s = Scratch::new("comment");
    s.file(
        "bad.rs",
        "// stackheap: ptr-width=16\nfn main() {\n    println!(\"never\");\n}\n",
    );
    for sub in ["run", "trace"] {
        let o = run_in(&s.0, &[sub, "bad.rs"]);
        assert_eq!(o.status.code(), Some(1), "{sub}");
        assert!(o.stdout.is_empty(), "{sub}: nothing ran");
        let err = stderr(&o);
        assert!(
            err.starts_with("error: pointer width must be 32 or 64, not `16`\n --> bad.rs:1:15\n"),
            "{err}"
        );
        assert!(
            err.contains("^^^^^^^^^^^^"),
            "the whole `ptr-width=16` is underlined: {err}"
        );
        assert!(err.contains("= note: settings are written as"), "{err}");
        assert!(
            err.contains("error: aborting due to 1 previous error"),
            "{err}"
        );
    }
}

#[test]
fn unknown_comment_key_is_named() {
    let s = Scratch::new("unknown-key");
    s.file("k.rs", "// stackheap: colour=red\nfn main() {}\n");
    let o = run_in(&s.0, &["run", "k.rs"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown setting `colour`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn flags_win_over_the_comment() {
    let s = Scratch::new("override");
    let path = s.file(
        "o.rs",
        "// stackheap: heap-size=4k stack-size=8k allocator=bump\nfn main() {}\n",
    );
    let o = stackheap(&[
        "trace",
        "--json",
        path.to_str().unwrap(),
        "--heap-size",
        "64k",
        "--ptr-width",
        "32",
        "--allocator",
        "best-fit",
        "--max-steps",
        "1_000",
    ]);
    let v = json(&o);
    let settings = &v["settings"];
    assert_eq!(settings["heap_size"], 65536, "flag wins");
    assert_eq!(settings["stack_size"], 8192, "comment kept where no flag");
    assert_eq!(settings["ptr_width"], "32");
    assert_eq!(settings["allocator"], "best-fit");
    assert_eq!(settings["max_steps"], 1000);
}

#[test]
fn defaults_without_flags_or_comment() {
    let s = Scratch::new("defaults");
    let path = s.file("d.rs", "fn main() {}\n");
    let v = json(&stackheap(&["trace", "--json", path.to_str().unwrap()]));
    assert_eq!(v["settings"]["stack_size"], 256 * 1024);
    assert_eq!(v["settings"]["heap_size"], 1024 * 1024);
    assert_eq!(v["settings"]["ptr_width"], "64");
    assert_eq!(v["settings"]["allocator"], "first-fit");
    assert_eq!(v["settings"]["max_steps"], 1_000_000);
}

// ---- output shapes ---------------------------------------------------------------------

#[test]
fn json_has_the_documented_top_level_keys() {
    let s = Scratch::new("json-keys");
    let path = s.file("j.rs", "// stackheap: max-steps=zero\nfn main() {}\n");
    let o = stackheap(&["trace", "--json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stderr.is_empty(), "diagnostics are in the document");
    let v = json(&o);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "diagnostics",
            "exit_code",
            "outcome",
            "output",
            "settings",
            "stderr",
            "steps"
        ]
    );
    assert_eq!(v["outcome"], "compile_error");
    assert_eq!(v["exit_code"], 1);
    assert_eq!(v["steps"], serde_json::json!([]));
    assert_eq!(v["output"], "");
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["kind"], "settings");
    assert!(d["message"].as_str().unwrap().contains("`zero`"));
    assert_eq!(d["span"]["start"], 14);
    assert_eq!(d["span"]["end"], 28, "`max-steps=zero` is underlined");
}

#[test]
fn json_exit_code_matches_the_process() {
    let s = Scratch::new("json-exit");
    let path = s.file("e.rs", "fn main() {}\n");
    let o = stackheap(&["trace", "--json", path.to_str().unwrap()]);
    let v = json(&o);
    assert_eq!(v["exit_code"].as_i64(), o.status.code().map(i64::from));
    let outcome = v["outcome"].as_str().unwrap();
    assert!(["compile_error", "finished", "runtime_error"].contains(&outcome));
}

#[test]
fn stats_are_printed_on_stderr() {
    let s = Scratch::new("stats");
    let path = s.file("s.rs", "fn main() {}\n");
    for args in [&["run", "--stats"][..], &["trace", "--stats", "--json"][..]] {
        let mut args = args.to_vec();
        args.push(path.to_str().unwrap());
        let o = stackheap(&args);
        let err = stderr(&o);
        for key in [
            "steps:",
            "events:",
            "trace bytes:",
            "bytes per event:",
            "wall time:",
        ] {
            assert!(
                err.lines().any(|l| l.starts_with(key)),
                "{args:?}: {key} missing in {err}"
            );
        }
        assert!(err.contains(" ms\n"), "{err}");
    }
}

#[test]
fn no_colour_when_stderr_is_not_a_terminal() {
    let s = Scratch::new("colour");
    let path = s.file("c.rs", "// stackheap: allocator=worst\nfn main() {}\n");
    let o = stackheap(&["run", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains('\x1b'), "{:?}", stderr(&o));
}

// ---- with the engine -------------------------------------------------------------------

#[test]
fn run_prints_exactly_the_output() {
    let s = Scratch::new("hello");
    s.file(
        "hello.rs",
        "fn main() {\n    println!(\"Hello, world!\");\n    print!(\"no newline\");\n}\n",
    );
    let o = run_in(&s.0, &["run", "hello.rs"]);
    assert_eq!(stdout(&o), "Hello, world!\nno newline");
    assert_eq!(stderr(&o), "");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn panic_prints_like_rustc_and_exits_101() {
    let s = Scratch::new("panic");
    s.file(
        "p.rs",
        "fn main() {\n    println!(\"before\");\n    panic!(\"boom\");\n}\n",
    );
    let o = run_in(&s.0, &["run", "p.rs"]);
    assert_eq!(o.status.code(), Some(101));
    assert_eq!(stdout(&o), "before\n");
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "thread 'main' panicked at p.rs:3:5:\nboom\n\
             note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
        ),
        "{err}"
    );
    assert!(err.contains("--> p.rs:3:5"), "{err}");
    assert!(err.contains("= note: the run stopped at step "), "{err}");
}

#[test]
fn index_out_of_bounds_panics() {
    let s = Scratch::new("oob");
    s.file(
        "i.rs",
        "fn main() {\n    let v = vec![1, 2, 3];\n    let i = 7;\n    println!(\"{}\", v[i]);\n}\n",
    );
    let o = run_in(&s.0, &["run", "i.rs"]);
    assert_eq!(o.status.code(), Some(101));
    let err = stderr(&o);
    assert!(
        err.starts_with("thread 'main' panicked at i.rs:4:"),
        "{err}"
    );
    assert!(
        err.contains("index out of bounds: the len is 3 but the index is 7"),
        "{err}"
    );
}

#[test]
fn stack_overflow_prints_like_rustc_and_exits_101() {
    let s = Scratch::new("overflow");
    s.file(
        "r.rs",
        "fn depth(n: u64) -> u64 {\n    depth(n + 1) + 1\n}\n\nfn main() {\n    println!(\"{}\", depth(0));\n}\n",
    );
    let o = run_in(&s.0, &["run", "--stack-size", "4k", "r.rs"]);
    assert_eq!(o.status.code(), Some(101));
    let err = stderr(&o);
    assert!(
        err.contains(
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("= note: the stack holds 4,096 bytes and 257 frames were in use;"),
        "{err}"
    );
}

#[test]
fn heap_size_flag_wins_over_the_comment_when_running() {
    let s = Scratch::new("oom");
    s.file(
        "m.rs",
        "// stackheap: heap-size=64\nfn main() {\n    let v = vec![0u8; 1000];\n    println!(\"{}\", v.len());\n}\n",
    );
    let small = run_in(&s.0, &["run", "m.rs"]);
    assert_eq!(small.status.code(), Some(101), "{}", stderr(&small));
    assert!(stderr(&small).contains("--> m.rs:3:"), "{}", stderr(&small));
    assert!(
        stderr(&small).contains("error: memory allocation of 1000 bytes failed"),
        "{}",
        stderr(&small)
    );
    assert!(
        stderr(&small).contains("= note: the heap holds 64 bytes;"),
        "{}",
        stderr(&small)
    );
    let big = run_in(&s.0, &["run", "m.rs", "--heap-size", "64k"]);
    assert_eq!(big.status.code(), Some(0), "{}", stderr(&big));
    assert_eq!(stdout(&big), "1000\n");
}

#[test]
fn step_limit_stops_the_run() {
    let s = Scratch::new("steps");
    s.file(
        "l.rs",
        "fn main() {\n    let mut n: u64 = 0;\n    while n < 1_000_000 {\n        n += 1;\n    }\n    println!(\"{}\", n);\n}\n",
    );
    let o = run_in(&s.0, &["run", "--max-steps", "5_000", "l.rs"]);
    assert_eq!(o.status.code(), Some(101));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).starts_with("error: the run reached the step limit of 5,000 steps"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn ownership_error_is_rendered_like_rustc() {
    let s = Scratch::new("moved");
    s.file(
        "mv.rs",
        "fn main() {\n    let v = vec![1];\n    let w = v;\n    println!(\"{}\", v.len());\n}\n",
    );
    let o = run_in(&s.0, &["run", "mv.rs"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.starts_with("error[E0382]: borrow of moved value: `v`\n --> mv.rs:4:"),
        "{err}"
    );
    assert!(err.contains("error: aborting due to"), "{err}");
}

#[test]
fn trace_prints_one_line_per_step_then_the_output() {
    let s = Scratch::new("trace");
    s.file(
        "t.rs",
        "fn main() {\n    let v: Vec<i32> = vec![1, 2, 3];\n    println!(\"{}\", v.len());\n}\n",
    );
    let o = run_in(&s.0, &["trace", "t.rs"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let (steps, output) = out.split_at(
        out.rfind("step ")
            .map(|i| i + out[i..].find('\n').unwrap() + 1)
            .unwrap(),
    );
    assert_eq!(output, "3\n");
    for (i, line) in steps.lines().enumerate() {
        assert!(
            line.starts_with(&format!("step {}  line ", i + 1)),
            "{line}"
        );
    }
    assert!(steps.contains("alloc 12 bytes at heap["), "{steps}");
    assert!(steps.contains("dealloc 12 bytes at heap["), "{steps}");
    assert!(steps.contains("output \"3\\n\""), "{steps}");
}

#[test]
fn trace_json_records_steps_and_output() {
    let s = Scratch::new("trace-json");
    let path = s.file(
        "t.rs",
        "fn main() {\n    let v: Vec<i32> = vec![1, 2, 3];\n    println!(\"{}\", v.len());\n}\n",
    );
    let o = stackheap(&["trace", "--json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["outcome"], "finished");
    assert_eq!(v["exit_code"], 0);
    assert_eq!(v["output"], "3\n");
    let steps = v["steps"].as_array().unwrap();
    assert!(!steps.is_empty());
    for (i, step) in steps.iter().enumerate() {
        assert_eq!(step["index"], i as u64);
        assert_eq!(step["function"], "main");
        assert!(step["line"].as_u64().unwrap() >= 1);
        assert!(step["span"]["end"].as_u64() >= step["span"]["start"].as_u64());
    }
    let alloc = steps
        .iter()
        .flat_map(|s| s["events"].as_array().unwrap())
        .find(|e| e["kind"] == "alloc")
        .expect("an alloc event");
    assert_eq!(alloc["size"], 12);
    assert_eq!(alloc["align"], 4);
}

#[test]
fn stats_count_a_real_run() {
    let s = Scratch::new("stats-run");
    let path = s.file(
        "s.rs",
        "fn main() {\n    let x = 1;\n    println!(\"{}\", x);\n}\n",
    );
    let o = stackheap(&["run", "--stats", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    let steps: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("steps:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(steps > 0, "{err}");
}

#[test]
fn manual_flags_reach_the_engine_and_leaks_go_to_stderr() {
    let dir = std::env::temp_dir().join(format!("stackheap-cli-manual-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leak.rs");
    std::fs::write(
        &file,
        "fn main() {\n    let v = vec![1, 2, 3];\n    dealloc(v);\n    dealloc(v);\n    let w = vec![4, 5];\n    println!(\"{}\", w[0]);\n}\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_stackheap");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin)
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // Rust mode: `dealloc` does not exist.
    let (code, _, err) = run(&["run"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("cannot find function `dealloc`"), "{err}");
    // Manual, checked: the second dealloc is a double free.
    let (code, out, err) = run(&["run", "--manual"]);
    assert_eq!((code, out.as_str()), (Some(101), ""));
    assert!(
        err.contains("AddressSanitizer: double-free on address heap[0]"),
        "{err}"
    );
    // Unchecked: the run goes on; `w` leaks and is reported after the output, exit 0.
    let (code, out, err) = run(&["run", "--manual", "--unchecked"]);
    assert_eq!((code, out.as_str()), (Some(0), "4\n"));
    assert!(
        err.contains("LeakSanitizer: detected memory leaks"),
        "{err}"
    );
    assert!(
        err.contains("8 bytes in 1 block leaked, allocated at line 5 by `vec!`"),
        "{err}"
    );
    // --deny-leaks makes the leak fail the run.
    let (code, _, _) = run(&["run", "--manual", "--unchecked", "--deny-leaks"]);
    assert_eq!(code, Some(101));
    let _ = std::fs::remove_dir_all(&dir);
}
