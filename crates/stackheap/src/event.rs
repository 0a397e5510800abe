//! The memory-level events a step is made of, and the views of memory rebuilt at any step:
//! the public vocabulary shared by the CLI, the page and the tests.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Which byte array an address points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Stack,
    Heap,
}

impl Region {
    pub fn name(self) -> &'static str {
        match self {
            Region::Stack => "stack",
            Region::Heap => "heap",
        }
    }
}

/// One memory-level action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// `stack_length` moved from `from` to `to`.
    StackLength { from: u32, to: u32 },
    /// `bytes` were written at `addr` in `region`.
    Write {
        region: Region,
        addr: u32,
        bytes: Vec<u8>,
    },
    /// `len` bytes were copied from one place to another.
    Copy {
        from_region: Region,
        from: u32,
        to_region: Region,
        to: u32,
        len: u32,
    },
    /// A heap block was allocated.
    Alloc {
        addr: u32,
        size: u32,
        align: u32,
        label: String,
    },
    /// A heap block was freed.
    Dealloc { addr: u32, size: u32, label: String },
    /// The program printed `text` on stdout.
    Output { text: String },
    /// The program printed `text` on stderr (`eprint!`, `eprintln!`).
    Stderr { text: String },
    /// A function was called; its frame starts at `frame_base` on the stack.
    Call { function: String, frame_base: u32 },
    /// A function returned to its caller.
    Return { function: String },
    /// A heap block changed owner (a Vec was moved into another variable).
    Owner { addr: u32, label: String },
    /// The run stopped with an error (the full diagnostic is in the run's diagnostics).
    Error { message: String },
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::StackLength { from, to } => write!(f, "stack_length {from} -> {to}"),
            Event::Write {
                region,
                addr,
                bytes,
            } => {
                write!(
                    f,
                    "write {} bytes at {}[{addr}]:",
                    bytes.len(),
                    region.name()
                )?;
                for b in bytes {
                    write!(f, " {b:02x}")?;
                }
                Ok(())
            }
            Event::Copy {
                from_region,
                from,
                to_region,
                to,
                len,
            } => write!(
                f,
                "copy {len} bytes from {}[{from}] to {}[{to}]",
                from_region.name(),
                to_region.name()
            ),
            Event::Alloc {
                addr, size, label, ..
            } => write!(f, "alloc {size} bytes at heap[{addr}] for {label}"),
            Event::Dealloc { addr, size, label } => {
                write!(f, "dealloc {size} bytes at heap[{addr}] ({label})")
            }
            Event::Output { text } => write!(f, "output {text:?}"),
            Event::Stderr { text } => write!(f, "stderr {text:?}"),
            Event::Call {
                function,
                frame_base,
            } => write!(f, "call `{function}`, frame at stack[{frame_base}]"),
            Event::Return { function } => write!(f, "return from `{function}`"),
            Event::Owner { addr, label } => write!(f, "heap[{addr}] now owned by {label}"),
            Event::Error { message } => write!(f, "error: {message}"),
        }
    }
}

/// What kind of point in the program a step stands at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// A statement ran.
    Statement,
    /// A condition (`if`, `while`, the test of a `for` loop) was evaluated.
    Condition,
    /// Control came back from a call into the statement that made it.
    Resume,
    /// A scope ended: its owners were dropped and its stack bytes given back.
    ScopeEnd,
}

/// One step with its events, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepInfo {
    pub index: u64,
    pub kind: StepKind,
    pub span: Span,
    /// 1-based source line of the span's start.
    pub line: u32,
    /// The function the step ran in.
    pub function: String,
    pub events: Vec<Event>,
}

/// A variable in a stack frame, with its value read from `stack_bytes`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariableView {
    pub name: String,
    /// The type as written in Rust, such as `Vec<i32>`.
    pub ty: String,
    /// Index into `stack_bytes`.
    pub addr: u32,
    pub size: u32,
    /// The value as `{:?}` would print it, or `uninit` while its bytes are unwritten.
    pub value: String,
    /// The value was moved out (a `Vec` passed on or dropped with `drop`); its bytes stay.
    pub moved: bool,
    /// For structs, tuples and arrays: the scalar and `Vec` fields inside, in address order,
    /// with offsets from `addr`. Bytes of the variable that no field covers are padding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldView>,
}

/// One field of a variable: a path such as `start.x`, `0` or `[2]`, its place and type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    pub name: String,
    pub ty: String,
    /// Offset from the start of the variable.
    pub offset: u32,
    pub size: u32,
    /// The field (or the field it lies in) was moved out of the variable (a partial move:
    /// `let n = p.name;`); its bytes stay, the rest of the variable is still usable.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
}

/// One function's frame.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameView {
    pub function: String,
    /// Where the caller reserved the return value's slot, and its size (none for `()`).
    pub return_slot: Option<(u32, u32)>,
    /// First byte of the frame (its first parameter).
    pub base: u32,
    /// One past the frame's last byte in use.
    pub end: u32,
    /// The line this frame is at (for callers, the line of the call).
    pub line: u32,
    pub variables: Vec<VariableView>,
    /// Bytes the compiled code keeps in the frame that no variable of the program names,
    /// as rustc's code keeps them too: a `for` loop's range (`(range)`, its next value and
    /// its end, shown as `Range<usize> = 3..5`), its index (`(index)`) and count
    /// (`(count)`), what it walks (`(vec)`, `(array)`, `(slice)`, `(str)`), the element
    /// a pattern takes apart (`(item)`, in `for (a, b) in ..`), and a temporary
    /// a `let` borrows (`(temporary)`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<VariableView>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockState {
    Live,
    Freed,
}

/// One row of the allocator's table of blocks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockView {
    pub addr: u32,
    pub size: u32,
    pub align: u32,
    pub state: BlockState,
    /// Who owns (or owned) the block, such as "`years`' buffer".
    pub label: String,
    /// The block of string literals: read-only, never freed (a binary's `.rodata`).
    #[serde(default)]
    pub read_only: bool,
    pub alloc_step: u64,
    pub alloc_line: u32,
    pub free_step: Option<u64>,
    pub free_line: Option<u32>,
    /// For a live block a `Box` points to: the type of the value in it (`Node`), found by
    /// following the Boxes from the frames' variables (and from the values they reach).
    #[serde(default)]
    pub holds: Option<String>,
    /// The fields of that value, their offsets from the block's start (as
    /// `VariableView::fields`; none when it is not a struct, tuple, array or `Option`).
    #[serde(default)]
    pub fields: Vec<FieldView>,
}

/// The whole state of memory after some number of steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemoryState {
    /// How many steps have run.
    pub step: u64,
    pub stack_length: u32,
    pub stack_bytes: Vec<u8>,
    pub heap_bytes: Vec<u8>,
    /// One flag per stack byte: 1 if written since it was last reserved.
    pub stack_init: Vec<u8>,
    /// One flag per heap byte: 1 if written since its block was allocated.
    pub heap_init: Vec<u8>,
    /// Outermost first.
    pub frames: Vec<FrameView>,
    /// Blocks in address order: live ones, and freed ones whose bytes nobody has reused.
    pub blocks: Vec<BlockView>,
    /// All output printed so far.
    pub output: String,
    /// All `eprint!`/`eprintln!` output so far.
    pub stderr: String,
}
