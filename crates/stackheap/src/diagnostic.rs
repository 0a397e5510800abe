//! The one diagnostic type: compile errors, warnings and runtime errors, each with spans and notes.

use serde::{Deserialize, Serialize};

use crate::event::Region;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// What part of the engine found the problem; the page and the CLI group by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The text is not well-formed Rust.
    Syntax,
    /// Valid Rust that stackheap does not run yet.
    Unsupported,
    /// A name that is not defined.
    Name,
    /// Mismatched or unknown types.
    Type,
    /// Ownership errors such as use after move.
    Ownership,
    /// A lint that rustc denies by default (for example an overflowing literal).
    Lint,
    /// A bad `// stackheap:` setting.
    Settings,
    /// A panic at run time (overflow, division by zero, index out of bounds, `panic!`).
    Panic,
    /// The stack ran out.
    StackOverflow,
    /// The heap ran out.
    OutOfMemory,
    /// The run reached the step limit.
    StepLimit,
    /// A manual-mode memory error found by the checker (use after free, double free, ...).
    MemoryError,
    /// Heap blocks still live when a manual-mode run ended.
    Leak,
}

/// What a memory error was, in AddressSanitizer's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemoryErrorKind {
    HeapUseAfterFree,
    DoubleFree,
    InvalidFree,
    HeapBufferOverflow,
    StackUseAfterReturn,
    Leak,
}

impl MemoryErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            MemoryErrorKind::HeapUseAfterFree => "heap-use-after-free",
            MemoryErrorKind::DoubleFree => "double-free",
            MemoryErrorKind::InvalidFree => "invalid-free",
            MemoryErrorKind::HeapBufferOverflow => "heap-buffer-overflow",
            MemoryErrorKind::StackUseAfterReturn => "stack-use-after-return",
            MemoryErrorKind::Leak => "memory-leak",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Read,
    Write,
    Free,
}

/// The heap block a memory error concerns, with its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockReport {
    pub addr: u32,
    pub size: u32,
    pub label: String,
    /// What allocated it: `vec!`, `Vec::with_capacity`, `push`, `alloc`.
    pub by: String,
    pub alloc_step: u64,
    pub alloc_line: u32,
    pub free_step: Option<u64>,
    pub free_line: Option<u32>,
}

/// The details of a memory error or leak, for reports and for marking bytes on the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemoryReport {
    pub kind: MemoryErrorKind,
    /// What the program did; none for a leak.
    pub access: Option<Access>,
    /// Bytes accessed (for a free, the block's size).
    pub size: u32,
    pub region: Region,
    pub addr: u32,
    /// The block the address belongs to (or is nearest to), if any.
    pub block: Option<BlockReport>,
    /// `addr - block.addr`: negative before the block, at least its size past its end.
    pub offset: Option<i64>,
}

/// A secondary span with its own message, such as "value moved here".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: DiagnosticKind,
    /// rustc's error code where rustc has one, such as `E0382`.
    pub code: Option<String>,
    pub message: String,
    /// The primary span.
    pub span: Span,
    /// The label shown under the primary span, if any.
    pub span_label: Option<String>,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    /// For runtime errors, the step at which the run stopped.
    pub step: Option<u64>,
    /// For memory errors and leaks: what, where, and the block's history.
    pub memory: Option<MemoryReport>,
}

// The builders (`with_*` on a diagnostic being made, `add_*` on one already in its list)
// are many call sites' code: each one turns its argument into a `String` in place and hands
// the rest to one out-of-line function (`#[inline(never)]`), so the diagnostic's fields are
// not filled in again at every call site.
impl Diagnostic {
    pub fn error(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, kind, span, message.into())
    }

    pub fn warning(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, kind, span, message.into())
    }

    #[inline(never)]
    fn new(severity: Severity, kind: DiagnosticKind, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            kind,
            code: None,
            message,
            span,
            span_label: None,
            labels: Vec::new(),
            notes: Vec::new(),
            step: None,
            memory: None,
        }
    }

    #[inline(never)]
    pub fn with_code(mut self, code: &str) -> Diagnostic {
        self.code = Some(code.to_string());
        self
    }

    pub fn with_span_label(self, label: impl Into<String>) -> Diagnostic {
        self.span_label_of(label.into())
    }

    #[inline(never)]
    fn span_label_of(mut self, label: String) -> Diagnostic {
        self.span_label = Some(label);
        self
    }

    pub fn with_label(self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.label_of(span, message.into())
    }

    #[inline(never)]
    fn label_of(mut self, span: Span, message: String) -> Diagnostic {
        self.labels.push(Label { span, message });
        self
    }

    pub fn with_note(self, note: impl Into<String>) -> Diagnostic {
        self.note_of(note.into())
    }

    #[inline(never)]
    fn note_of(mut self, note: String) -> Diagnostic {
        self.notes.push(note);
        self
    }

    /// [`Diagnostic::with_span_label`] for a diagnostic already in its list.
    pub fn add_span_label(&mut self, label: impl Into<String>) -> &mut Diagnostic {
        self.add_span_label_of(label.into())
    }

    #[inline(never)]
    fn add_span_label_of(&mut self, label: String) -> &mut Diagnostic {
        self.span_label = Some(label);
        self
    }

    /// [`Diagnostic::with_label`] for a diagnostic already in its list.
    pub fn add_label(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.add_label_of(span, message.into())
    }

    #[inline(never)]
    fn add_label_of(&mut self, span: Span, message: String) -> &mut Diagnostic {
        self.labels.push(Label { span, message });
        self
    }

    /// [`Diagnostic::with_note`] for a diagnostic already in its list.
    pub fn add_note(&mut self, note: impl Into<String>) -> &mut Diagnostic {
        self.add_note_of(note.into())
    }

    #[inline(never)]
    fn add_note_of(&mut self, note: String) -> &mut Diagnostic {
        self.notes.push(note);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
