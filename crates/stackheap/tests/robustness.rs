//! The engine never panics, hangs or overflows its own stack, whatever the input: deeply
//! nested programs get a diagnostic, and a bounded fuzz run feeds the parser, checker and
//! machine mutated and generated programs. Runs on threads with a 1 MiB stack, like the
//! browser's WebAssembly stack.
//!
//! `STACKHEAP_FUZZ_CASES` raises the number of fuzz cases (default 1500).

use std::panic;

use stackheap::{Outcome, SettingsOverrides};

/// Runs `f` on a thread with a 1 MiB stack (8 MiB in unoptimised builds, whose frames are
/// several times larger) and fails the test if it panics.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let size = if cfg!(debug_assertions) {
        8 << 20
    } else {
        1 << 20
    };
    std::thread::Builder::new()
        .stack_size(size)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap_or_else(|_| panic!("the engine panicked or overflowed its stack"))
}

fn limits() -> SettingsOverrides {
    SettingsOverrides {
        max_steps: Some(20_000),
        stack_size: Some(4096),
        heap_size: Some(4096),
        ..SettingsOverrides::default()
    }
}

/// Checks the run is coherent: a compile error has an error diagnostic with spans inside
/// the text; a runtime error has one diagnostic naming its step.
fn check_run(source: &str) -> Outcome {
    let run = stackheap::run(source, &limits());
    for d in &run.diagnostics {
        assert!(
            d.span.end as usize <= source.len(),
            "span past the end: {d:?}"
        );
        assert!(d.span.start <= d.span.end);
        assert!(!d.message.is_empty());
    }
    match run.outcome {
        Outcome::CompileError => assert!(run.diagnostics.iter().any(|d| d.is_error())),
        Outcome::RuntimeError => assert!(run.runtime_error().is_some_and(|d| d.step.is_some())),
        Outcome::Finished => {}
    }
    // Rebuilding memory anywhere works.
    let n = run.step_count();
    for s in [0, n / 2, n] {
        let st = run.state_at(s);
        assert_eq!(st.step, s);
    }
    run.outcome
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!(
        "fn main() {{\n    let x = {}{}{};\n    println!(\"{{}}\", x);\n}}\n",
        open.repeat(depth),
        middle,
        close.repeat(depth)
    )
}

#[test]
fn ten_thousand_levels_get_a_diagnostic() {
    let cases = vec![
        nested("(", "1", ")", 10_000),
        nested("{", "1", "}", 10_000),
        nested("-", "1", "", 10_000),
        nested("!", "true", "", 10_000),
        nested("if true { ", "1", " } else { 2 }", 10_000),
        format!("fn main() {{ let x = 1{}; }}", " + 1".repeat(10_000)),
        format!("fn main() {{ let x = 1{}; }}", " as u8".repeat(10_000)),
        format!(
            "fn main() {{ let v = vec![1]; let n = v{}; }}",
            ".len()".repeat(10_000)
        ),
        format!("fn main() {{ {} }}", "loop { ".repeat(10_000)),
        format!(
            "fn main() {{ let v: {}i32{} = Vec::new(); }}",
            "Vec<".repeat(10_000),
            ">".repeat(10_000)
        ),
    ];
    for src in cases {
        let outcome = on_small_stack(move || {
            let run = stackheap::run(&src, &limits());
            let nests = run
                .diagnostics
                .iter()
                .any(|d| d.message.contains("nests more than"));
            (run.outcome, nests)
        });
        assert_eq!(outcome, (Outcome::CompileError, true));
    }
}

#[test]
fn moderate_nesting_still_runs() {
    let src = nested("(", "1", ")", 60);
    let out = on_small_stack(move || stackheap::run(&src, &limits()).output().to_string());
    assert_eq!(out, "1\n");
}

/// A small deterministic random number generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "fn",
    "main",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "let",
    "mut",
    "x",
    "v",
    "=",
    ";",
    "+",
    "-",
    "*",
    "/",
    "%",
    "<<",
    ">>",
    "as",
    "u8",
    "i64",
    "usize",
    "Vec",
    "<",
    ">",
    "::",
    "new",
    "push",
    "len",
    ".",
    ",",
    "vec!",
    "println!",
    "\"{}\"",
    "\"{:?}\"",
    "if",
    "else",
    "while",
    "loop",
    "for",
    "in",
    "..",
    "..=",
    "break",
    "continue",
    "return",
    "true",
    "false",
    "0",
    "1",
    "255",
    "-128",
    "0xff",
    "999999999999999999999",
    "drop",
    "&",
    "'",
    "\"",
    "/*",
    "*/",
    "//",
    "\n",
    " ",
    "é",
    "struct",
    "match",
    "_",
    "i32::MAX",
    "!",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(4) {
            0 if !s.is_empty() => {
                let end = (at + 1 + rng.below(12)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 => {
                let frag = FRAGMENTS[rng.below(FRAGMENTS.len())];
                for (k, c) in frag.chars().enumerate() {
                    s.insert(at + k, c);
                }
            }
            2 if !s.is_empty() => {
                let end = (at + 1 + rng.below(30)).min(s.len());
                let piece: Vec<char> = s[at.min(end)..end].to_vec();
                let to = rng.below(s.len() + 1);
                for (k, c) in piece.into_iter().enumerate() {
                    s.insert(to + k, c);
                }
            }
            _ => {
                if let Some(c) = s.get_mut(at) {
                    *c = ['0', '9', '{', '}', ';', '(', ')', 'x', '+'][rng.below(9)];
                }
            }
        }
    }
    s.into_iter().collect()
}

fn generated(rng: &mut Rng) -> String {
    let n = 5 + rng.below(60);
    let mut s = String::from("fn main() {\n");
    for _ in 0..n {
        s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        s.push(' ');
    }
    s.push_str("\n}\n");
    s
}

fn corpus() -> Vec<String> {
    let mut out: Vec<String> = stackheap::lessons::all()
        .iter()
        .map(|l| l.source.to_string())
        .collect();
    for sub in ["tests/programs", "tests/manual", "tests/compile_errors"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(sub);
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if p.extension().is_some_and(|e| e == "rs") {
                    if let Ok(s) = std::fs::read_to_string(&p) {
                        out.push(s);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn fuzzed_programs_never_break_the_engine() {
    let cases: usize = std::env::var("STACKHEAP_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    let corpus = corpus();
    assert!(corpus.len() > 50);
    on_small_stack(move || {
        let mut rng = Rng(0x5eed_1234_abcd_9876);
        let mut outcomes = [0usize; 3];
        for i in 0..cases {
            let src = if i % 5 == 4 {
                generated(&mut rng)
            } else {
                let base = &corpus[rng.below(corpus.len())];
                mutate(&mut rng, base)
            };
            let result = panic::catch_unwind(|| check_run(&src));
            match result {
                Ok(o) => outcomes[o as usize] += 1,
                Err(_) => panic!("case {i} broke the engine; input:\n{src}"),
            }
        }
        // The mutations reach all three outcomes, so the machine is exercised too.
        assert!(outcomes.iter().all(|&n| n > 0), "outcomes {outcomes:?}");
    });
}

#[test]
fn data_nested_as_deep_as_it_goes_is_printed_viewed_cloned_and_dropped_without_deep_recursion() {
    // A list of 10,000 Boxes and 3,000 Vecs inside each other: printing them is refused
    // with a diagnostic past 100 levels; cloning, viewing and dropping them walk the data
    // without the engine's own recursion.
    let list = "#[derive(Debug, Clone)]\nstruct Node { value: u32, next: Option<Box<Node>> }\nfn main() {\n    let mut l: Option<Box<Node>> = None;\n    let mut i = 0;\n    while i < 10000 { l = Some(Box::new(Node { value: i, next: l })); i += 1; }\n    let c = l.clone();\n    println!(\"{}\", c.is_some());\n    println!(\"{:?}\", l);\n}\n";
    let dirs = "#[derive(Debug, Clone)]\nstruct Dir { subdirs: Vec<Dir> }\nfn main() {\n    let mut d = Dir { subdirs: Vec::new() };\n    for _ in 0..3000 { d = Dir { subdirs: vec![d] }; }\n    let e = d.clone();\n    println!(\"{}\", e.subdirs.len());\n    println!(\"{:?}\", d);\n}\n";
    for src in [list, dirs] {
        let outcome = on_small_stack(move || {
            let run = stackheap::run(src, &SettingsOverrides::default());
            let last = run.state_at(run.step_count());
            let _ = run.state_at(run.step_count().saturating_sub(2));
            (
                run.output().to_string(),
                run.diagnostics.clone(),
                last.blocks.len(),
            )
        });
        let (output, diags, _) = outcome;
        assert_eq!(
            output.lines().next(),
            Some(if src == list { "true" } else { "1" })
        );
        assert!(
            diags.iter().any(|d| d
                .message
                .contains("nested inside each other is not supported yet")),
            "{diags:?}"
        );
    }
}

/// An unsupported `enum` and the variant paths matched on it give one diagnostic each, at
/// their places, and no parse errors after them (the arms after a path pattern still parse).
#[test]
fn enum_variant_patterns_do_not_cascade() {
    let src = "enum Shape { Circle(u32), Square { side: u32 } }\n\
               fn area(s: Shape) -> u32 {\n\
               \x20   match s {\n\
               \x20       Shape::Circle(r) => 3 * r * r,\n\
               \x20       Shape::Square { side } => side * side,\n\
               \x20   }\n\
               }\n\
               fn main() { println!(\"{}\", area(Shape::Circle(2))); }\n";
    let run = stackheap::run(src, &limits());
    assert_eq!(run.outcome, Outcome::CompileError);
    let lines = stackheap::LineIndex::new(src);
    let found: Vec<(u32, String)> = run
        .diagnostics
        .iter()
        .map(|d| (lines.line(d.span.start), d.message.clone()))
        .collect();
    let path = "a path in a pattern (such as an enum's variant) is not supported yet";
    assert_eq!(
        found,
        vec![
            (1, "an item of kind `enum` is not supported yet".to_string()),
            (4, path.to_string()),
            (5, path.to_string()),
        ]
    );
}
