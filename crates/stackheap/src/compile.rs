//! Placeholder compiler while the engine is written.
use crate::*;
pub struct Program;
pub fn compile(_: &str, _: &Settings) -> (Option<Program>, Vec<Diagnostic>) {
    (
        None,
        vec![Diagnostic::error(
            DiagnosticKind::Unsupported,
            Span::default(),
            "the engine is being written",
        )],
    )
}
