//! Placeholder trace while the engine is written.
use crate::*;
pub struct Trace {
    output: String,
}
impl Trace {
    pub fn empty(_: &Settings) -> Trace {
        Trace {
            output: String::new(),
        }
    }
    pub fn output(&self) -> &str {
        &self.output
    }
    pub fn step_count(&self) -> u64 {
        0
    }
    pub fn step(&self, _: u64) -> Option<StepInfo> {
        None
    }
    pub fn steps(&self) -> impl Iterator<Item = StepInfo> + '_ {
        std::iter::empty()
    }
    pub fn state_at(&self, _: u64) -> MemoryState {
        MemoryState {
            step: 0,
            stack_length: 0,
            stack_bytes: vec![],
            heap_bytes: vec![],
            stack_init: vec![],
            heap_init: vec![],
            frames: vec![],
            blocks: vec![],
            output: String::new(),
        }
    }
    pub fn stats(&self) -> TraceStats {
        TraceStats {
            steps: 0,
            events: 0,
            trace_bytes: 0,
        }
    }
}
