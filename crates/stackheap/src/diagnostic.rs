//! The one diagnostic type: compile errors, warnings and runtime errors, each with spans and notes.

use serde::{Deserialize, Serialize};

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
}

impl Diagnostic {
    pub fn error(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            kind,
            code: None,
            message: message.into(),
            span,
            span_label: None,
            labels: Vec::new(),
            notes: Vec::new(),
            step: None,
        }
    }

    pub fn warning(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(kind, span, message)
        }
    }

    pub fn with_code(mut self, code: &str) -> Diagnostic {
        self.code = Some(code.to_string());
        self
    }

    pub fn with_span_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.span_label = Some(label.into());
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
