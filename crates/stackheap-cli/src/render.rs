//! Turns diagnostics into rustc-style text: compile errors and warnings with source snippets,
//! and the lines a rustc-built program prints when it panics or overflows its stack.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use stackheap::{Access, Diagnostic, DiagnosticKind, LineIndex, Severity};

/// Everything needed to render diagnostics for one source file.
pub struct SourceFile<'a> {
    /// The file name as given on the command line.
    pub name: &'a str,
    pub text: &'a str,
    pub lines: LineIndex,
}

impl<'a> SourceFile<'a> {
    pub fn new(name: &'a str, text: &'a str) -> SourceFile<'a> {
        SourceFile {
            name,
            text,
            lines: LineIndex::new(text),
        }
    }

    /// 1-based line and column of a byte offset.
    fn line_col(&self, offset: u32) -> (u32, u32) {
        self.lines
            .line_col(self.text, offset.min(self.text.len() as u32))
    }

    /// A span turned into a byte range that lies inside the text on character boundaries.
    fn range(&self, start: u32, end: u32) -> Range<usize> {
        let start = self.floor_boundary(start as usize);
        let end = self.floor_boundary((end as usize).max(start));
        start..end
    }

    fn floor_boundary(&self, mut i: usize) -> usize {
        i = i.min(self.text.len());
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// Renders diagnostics, in colour or not.
pub struct DiagnosticRenderer {
    renderer: Renderer,
}

impl DiagnosticRenderer {
    pub fn new(color: bool) -> DiagnosticRenderer {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        DiagnosticRenderer { renderer }
    }

    /// One diagnostic as rustc would print it: header, `--> FILE:LINE:COL`, the snippet with
    /// the primary span's label and the secondary labels, then `= note:` lines. A runtime
    /// error also says at which step the run stopped.
    pub fn diagnostic(&self, file: &SourceFile<'_>, d: &Diagnostic) -> String {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut title = level.primary_title(d.message.as_str());
        if let Some(code) = &d.code {
            title = title.id(code.as_str());
        }
        let mut primary = AnnotationKind::Primary.span(file.range(d.span.start, d.span.end));
        if let Some(label) = &d.span_label {
            primary = primary.label(label.as_str());
        }
        let snippet = Snippet::source(file.text)
            .path(file.name)
            .fold(true)
            .annotation(primary)
            .annotations(d.labels.iter().map(|l| {
                AnnotationKind::Context
                    .span(file.range(l.span.start, l.span.end))
                    .label(l.message.as_str())
            }));
        let mut group = title.element(snippet);
        if let Some(step) = d.step {
            group =
                group.element(Level::NOTE.message(format!("the run stopped at step {}", step + 1)));
        }
        for note in &d.notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        self.renderer.render(&[group])
    }

    /// rustc's closing line for a build: `error: aborting due to ...` when there were errors,
    /// `warning: N warnings emitted` when there were only warnings, nothing otherwise.
    pub fn summary(&self, diagnostics: &[&Diagnostic]) -> Option<String> {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        let warned = match warnings {
            1 => "1 warning emitted".to_string(),
            n => format!("{n} warnings emitted"),
        };
        let title = if errors > 0 {
            let mut text = match errors {
                1 => "aborting due to 1 previous error".to_string(),
                n => format!("aborting due to {n} previous errors"),
            };
            if warnings > 0 {
                text.push_str("; ");
                text.push_str(&warned);
            }
            Level::ERROR.primary_title(text)
        } else if warnings > 0 {
            Level::WARNING.primary_title(warned)
        } else {
            return None;
        };
        Some(self.renderer.render(&[Group::with_title(title)]))
    }

    /// What stderr shows for the error that stopped a run: for a panic, the three lines a
    /// rustc-built program prints; for a stack overflow, its two lines; then the diagnostic.
    pub fn runtime_error(&self, file: &SourceFile<'_>, d: &Diagnostic) -> String {
        let mut out = match d.kind {
            DiagnosticKind::Panic => {
                let (line, col) = file.line_col(d.span.start);
                format!(
                    "thread 'main' panicked at {}:{line}:{col}:\n{}\n\
                     note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
                    file.name, d.message
                )
            }
            DiagnosticKind::StackOverflow => {
                "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n"
                    .to_string()
            }
            DiagnosticKind::MemoryError => sanitizer_header(file, d),
            _ => String::new(),
        };
        out.push_str(&self.diagnostic(file, d));
        out
    }

    /// Leaked blocks after a manual-mode run, as LeakSanitizer lists them at exit.
    pub fn leaks(&self, file: &SourceFile<'_>, leaks: &[&Diagnostic]) -> String {
        let mut out =
            format!("{RULE}\n==stackheap==ERROR: LeakSanitizer: detected memory leaks\n\n");
        for d in leaks {
            out.push_str(&self.diagnostic(file, d));
            out.push_str("\n\n");
        }
        let total: u64 = leaks
            .iter()
            .filter_map(|d| d.memory.as_ref())
            .map(|m| m.size as u64)
            .sum();
        out.push_str(&format!(
            "SUMMARY: stackheap: {total} byte(s) leaked in {} allocation(s).",
            leaks.len()
        ));
        out
    }
}

const RULE: &str = "=================================================================";

/// The first lines of a memory error, in AddressSanitizer's layout: the kind and address,
/// then the access with its size, line and step.
fn sanitizer_header(file: &SourceFile<'_>, d: &Diagnostic) -> String {
    let Some(m) = &d.memory else {
        return String::new();
    };
    let place = format!("{}[{}]", m.region.name(), m.addr);
    let (line, col) = file.line_col(d.span.start);
    let step = d
        .step
        .map(|s| format!(", step {}", s + 1))
        .unwrap_or_default();
    let what = match m.access {
        Some(Access::Read) => format!("READ of size {} at {place}", m.size),
        Some(Access::Write) => format!("WRITE of size {} at {place}", m.size),
        Some(Access::Free) => format!("free of {place}"),
        None => String::new(),
    };
    format!(
        "{RULE}\n==stackheap==ERROR: AddressSanitizer: {} on address {place}\n{what} at {}:{line}:{col}{step}\n\n",
        m.kind.name(),
        file.name
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackheap::Span;

    const SRC: &str =
        "fn main() {\n    let v = vec![1];\n    let w = v;\n    println!(\"{}\", v.len());\n}\n";

    fn span_of(src: &str, needle: &str, nth: usize) -> Span {
        let start = src.match_indices(needle).nth(nth).unwrap().0;
        Span::new(start, start + needle.len())
    }

    #[test]
    fn compile_error_looks_like_rustc() {
        let d = Diagnostic::error(
            DiagnosticKind::Ownership,
            span_of(SRC, "v", 3),
            "borrow of moved value: `v`",
        )
        .with_code("E0382")
        .with_span_label("value borrowed here after move")
        .with_label(span_of(SRC, "v", 2), "value moved here")
        .with_note("move occurs because `v` has type `Vec<i32>`");
        let file = SourceFile::new("moved.rs", SRC);
        let text = DiagnosticRenderer::new(false).diagnostic(&file, &d);
        assert!(
            text.starts_with("error[E0382]: borrow of moved value: `v`\n"),
            "{text}"
        );
        assert!(text.contains("--> moved.rs:4:20"), "{text}");
        assert!(text.contains("value borrowed here after move"), "{text}");
        assert!(text.contains("value moved here"), "{text}");
        assert!(text.contains("let w = v;"), "{text}");
        assert!(
            text.contains("= note: move occurs because `v` has type `Vec<i32>`"),
            "{text}"
        );
        let expected = "\
error[E0382]: borrow of moved value: `v`
 --> moved.rs:4:20
  |
3 |     let w = v;
  |             - value moved here
4 |     println!(\"{}\", v.len());
  |                    ^ value borrowed here after move
  |
  = note: move occurs because `v` has type `Vec<i32>`";
        assert_eq!(text, expected);
        assert!(!text.contains('\x1b'), "plain rendering has no colour");
    }

    #[test]
    fn colour_only_when_asked() {
        let d = Diagnostic::warning(DiagnosticKind::Lint, Span::new(0, 2), "a warning");
        let file = SourceFile::new("w.rs", SRC);
        assert!(DiagnosticRenderer::new(true)
            .diagnostic(&file, &d)
            .contains('\x1b'));
        let plain = DiagnosticRenderer::new(false).diagnostic(&file, &d);
        assert!(plain.starts_with("warning: a warning\n"), "{plain}");
    }

    #[test]
    fn panic_starts_like_a_rustc_program() {
        let src = "fn main() {\n    let v = vec![1];\n    let x = v[5];\n}\n";
        let mut d = Diagnostic::error(
            DiagnosticKind::Panic,
            span_of(src, "v[5]", 0),
            "index out of bounds: the len is 1 but the index is 5",
        )
        .with_note("`v` has 1 element");
        d.step = Some(7);
        let file = SourceFile::new("dir/p.rs", src);
        let text = DiagnosticRenderer::new(false).runtime_error(&file, &d);
        let head = "thread 'main' panicked at dir/p.rs:3:13:\n\
                    index out of bounds: the len is 1 but the index is 5\n\
                    note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\
                    error: index out of bounds";
        assert!(text.starts_with(head), "{text}");
        assert!(text.contains("--> dir/p.rs:3:13"), "{text}");
        assert!(text.contains("= note: the run stopped at step 8"), "{text}");
        assert!(text.contains("= note: `v` has 1 element"), "{text}");
    }

    #[test]
    fn stack_overflow_header() {
        let src = "fn f() { f() }\nfn main() { f() }\n";
        let d = Diagnostic::error(
            DiagnosticKind::StackOverflow,
            span_of(src, "f()", 0),
            "stack overflow",
        );
        let file = SourceFile::new("r.rs", src);
        let text = DiagnosticRenderer::new(false).runtime_error(&file, &d);
        assert!(text.starts_with(
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\nerror: stack overflow\n"
        ), "{text}");
    }

    #[test]
    fn other_runtime_errors_are_just_the_diagnostic() {
        let d = Diagnostic::error(DiagnosticKind::StepLimit, Span::new(0, 2), "step limit");
        let file = SourceFile::new("s.rs", SRC);
        let r = DiagnosticRenderer::new(false);
        assert_eq!(r.runtime_error(&file, &d), r.diagnostic(&file, &d));
    }

    #[test]
    fn spans_out_of_range_or_inside_a_character_do_not_break_rendering() {
        let src = "// é\nfn main() {}";
        let file = SourceFile::new("u.rs", src);
        let r = DiagnosticRenderer::new(false);
        for (s, e) in [(0, 0), (4, 5), (100, 200), (5, 3)] {
            let d = Diagnostic::error(DiagnosticKind::Syntax, Span { start: s, end: e }, "x");
            assert!(r.diagnostic(&file, &d).starts_with("error: x"));
        }
    }

    #[test]
    fn summaries() {
        let r = DiagnosticRenderer::new(false);
        let e = Diagnostic::error(DiagnosticKind::Type, Span::default(), "e");
        let w = Diagnostic::warning(DiagnosticKind::Lint, Span::default(), "w");
        assert_eq!(r.summary(&[]), None);
        assert_eq!(
            r.summary(&[&e]).unwrap(),
            "error: aborting due to 1 previous error"
        );
        assert_eq!(
            r.summary(&[&e, &e, &w]).unwrap(),
            "error: aborting due to 2 previous errors; 1 warning emitted"
        );
        assert_eq!(r.summary(&[&w, &w]).unwrap(), "warning: 2 warnings emitted");
    }
}
