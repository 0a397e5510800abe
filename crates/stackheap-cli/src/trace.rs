//! The two shapes of `stackheap trace`: one text line per step, or one JSON document
//! (schema in `docs/trace-json.md`).

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use stackheap::{Diagnostic, Outcome, Run, Settings, StepInfo};

/// `step N  line L  <events joined by "; ">`; a step without events stops after the line number.
pub fn step_line(step: &StepInfo) -> String {
    let mut line = format!("step {}  line {}", step.index + 1, step.line);
    for (i, event) in step.events.iter().enumerate() {
        line.push_str(if i == 0 { "  " } else { "; " });
        line.push_str(&event.to_string());
    }
    line
}

/// Writes one line per step.
pub fn write_text(out: &mut impl Write, run: &Run) -> io::Result<()> {
    for step in run.steps() {
        writeln!(out, "{}", step_line(&step))?;
    }
    Ok(())
}

/// The top-level JSON document; steps are serialized as they are read from the trace, so a
/// long run is never held twice in memory.
#[derive(Serialize)]
struct Document<'a> {
    settings: &'a Settings,
    steps: Steps<'a>,
    output: &'a str,
    stderr: &'a str,
    outcome: Outcome,
    exit_code: i32,
    diagnostics: &'a [Diagnostic],
}

struct Steps<'a>(&'a Run);

impl Serialize for Steps<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.steps())
    }
}

/// Writes the whole run as one JSON document followed by a newline.
pub fn write_json(out: &mut impl Write, run: &Run) -> io::Result<()> {
    let doc = Document {
        settings: &run.settings,
        steps: Steps(run),
        output: run.output(),
        stderr: run.stderr(),
        outcome: run.outcome,
        exit_code: run.exit_code(),
        diagnostics: &run.diagnostics,
    };
    serde_json::to_writer(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackheap::{Event, Region, Span, StepKind};

    fn step(index: u64, events: Vec<Event>) -> StepInfo {
        StepInfo {
            index,
            kind: StepKind::Statement,
            span: Span::new(10, 20),
            line: 3,
            function: "main".to_string(),
            events,
        }
    }

    #[test]
    fn line_with_events() {
        let s = step(
            4,
            vec![
                Event::StackLength { from: 24, to: 48 },
                Event::Alloc {
                    addr: 0,
                    size: 20,
                    align: 4,
                    label: "`years`' buffer".to_string(),
                },
                Event::Write {
                    region: Region::Heap,
                    addr: 0,
                    bytes: vec![1, 0],
                },
            ],
        );
        assert_eq!(
            step_line(&s),
            "step 5  line 3  stack_length 24 -> 48; alloc 20 bytes at heap[0] for `years`' buffer; write 2 bytes at heap[0]: 01 00"
        );
    }

    #[test]
    fn line_without_events() {
        assert_eq!(step_line(&step(0, Vec::new())), "step 1  line 3");
    }

    #[test]
    fn json_document_has_the_documented_keys() {
        let run = stackheap::run("// stackheap: heap-size=oops\n", &Default::default());
        let mut buf = Vec::new();
        write_json(&mut buf, &run).unwrap();
        assert!(buf.ends_with(b"}\n"));
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = [
            "settings",
            "steps",
            "output",
            "stderr",
            "outcome",
            "exit_code",
            "diagnostics",
        ];
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(v["outcome"], "compile_error");
        assert_eq!(v["exit_code"], 1);
        assert_eq!(v["diagnostics"][0]["kind"], "settings");
    }

    #[test]
    fn json_events_are_tagged_with_kind() {
        let s = step(
            0,
            vec![Event::Alloc {
                addr: 0,
                size: 20,
                align: 4,
                label: "b".to_string(),
            }],
        );
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["kind"], "statement");
        assert_eq!(v["span"]["start"], 10);
        assert_eq!(v["events"][0]["kind"], "alloc");
        assert_eq!(v["events"][0]["size"], 20);
    }
}
