//! Placeholder machine while the engine is written.
use crate::*;
pub fn execute(_: &compile::Program, s: &Settings) -> (trace::Trace, Option<Diagnostic>) {
    (trace::Trace::empty(s), None)
}
