//! Compile-error tests: each program in `tests/compile_errors/` starts with a comment
//! `// error[CODE] LINE:COL: MESSAGE` (or `// error LINE:COL: ...` for errors without a code,
//! or `// unsupported LINE:COL: ...` for valid Rust the engine does not run yet) naming the
//! first error stackheap must report. When rustc is installed, the test also checks that
//! rustc rejects the program with the same code at the same place (and accepts the
//! `unsupported` ones). An optional second line `// errors N` says how many errors stackheap
//! reports in all, for programs whose unsupported parts must not set off further errors.

use std::path::PathBuf;
use std::process::Command;

use stackheap::{LineIndex, SettingsOverrides};

struct Expected {
    unsupported: bool,
    code: Option<String>,
    line_col: String,
    message: String,
    /// How many errors in all, when the program says.
    count: Option<usize>,
}

fn expected(source: &str) -> Expected {
    let first = source.lines().next().unwrap_or_default();
    let rest = first.strip_prefix("// ").expect("header comment");
    let (head, message) = rest.split_once(": ").expect("`: ` in header");
    let mut words = head.split_whitespace();
    let kind = words.next().unwrap();
    let line_col = words.next().unwrap().to_string();
    let code = kind
        .strip_prefix("error[")
        .map(|c| c.trim_end_matches(']').to_string());
    let count = source
        .lines()
        .nth(1)
        .and_then(|l| l.strip_prefix("// errors "))
        .map(|n| n.trim().parse().expect("a number after `// errors`"));
    Expected {
        unsupported: kind == "unsupported",
        code,
        line_col,
        message: message.to_string(),
        count,
    }
}

fn programs() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/compile_errors");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn engine_reports_the_expected_first_error() {
    let mut failures = Vec::new();
    let all = programs();
    assert!(all.len() >= 10);
    for (name, source) in &all {
        let exp = expected(source);
        let run = stackheap::run(source, &SettingsOverrides::default());
        let Some(d) = run.diagnostics.iter().find(|d| d.is_error()) else {
            failures.push(format!("{name}: no error reported"));
            continue;
        };
        let (l, c) = LineIndex::new(source).line_col(source, d.span.start);
        let got = (d.code.clone(), format!("{l}:{c}"), d.message.clone());
        let want = (exp.code.clone(), exp.line_col.clone(), exp.message.clone());
        if got != want {
            failures.push(format!("{name}: expected {want:?}, got {got:?}"));
        }
        let errors: Vec<&str> = run
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.as_str())
            .collect();
        if exp.count.is_some_and(|n| n != errors.len()) {
            failures.push(format!(
                "{name}: expected {} errors in all, got {errors:?}",
                exp.count.unwrap_or_default()
            ));
        }
        assert_eq!(run.exit_code(), 1, "{name}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rustc_agrees_on_code_and_place() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if Command::new(&rustc).arg("--version").output().is_err() {
        println!("rustc not found: skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("stackheap-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for (name, source) in programs() {
        let exp = expected(&source);
        let src = dir.join(&name);
        std::fs::write(&src, &source).unwrap();
        let out = Command::new(&rustc)
            .args(["--edition", "2021", "--error-format", "short", "-o"])
            .arg(dir.join("out"))
            .arg(&src)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if exp.unsupported {
            if !out.status.success() {
                failures.push(format!(
                    "{name}: rustc rejects a program meant to be valid Rust:\n{stderr}"
                ));
            }
            continue;
        }
        // Short format: `FILE:LINE:COL: error[CODE]: message`.
        let first = stderr
            .lines()
            .find(|l| l.contains(": error"))
            .unwrap_or_default();
        let want_place = format!("{name}:{}: ", exp.line_col);
        let want_kind = match &exp.code {
            Some(c) => format!("error[{c}]"),
            None => "error:".to_string(),
        };
        if !first.contains(&want_place) || !first.contains(&want_kind) {
            failures.push(format!(
                "{name}: rustc says {first:?}, expected {want_place}{want_kind}"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
