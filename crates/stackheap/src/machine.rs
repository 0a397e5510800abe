//! The machine: runs compiled code against `stack_bytes` and `heap_bytes`, with Rust's
//! debug-build arithmetic checks, the calling convention of `shared/model.md`, Vec growth
//! as rustc does it and the chosen allocator policy. It is deterministic and can pause
//! before any step: the first run takes snapshots of itself at intervals, and the trace
//! rebuilds any step by restoring a snapshot and running on, with its event log on.

mod hot;
mod sanitizer;

use std::sync::Arc;

use crate::check::CharFn;
use crate::compile::{Arith, CloneStep, Cmp, FmtPiece, Op, Program, Scalar, StrMatch, STACK_TAG};
use crate::diagnostic::{Access, MemoryReport};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::event::Region;
use crate::format::{write_bool, write_int, write_list, Spec};
use crate::maps::SortedMap;
use crate::memory::{FrameRec, MemState};
use crate::settings::{AllocatorPolicy, Checks, MemoryMode, PtrWidth, Settings};
use crate::span::Span;
use crate::trace::{EventLog, Recording, Trace};
use crate::types::{IntTy, Ty};

/// Most frames the machine keeps before it reports a stack overflow, whatever their size.
const MAX_FRAMES: usize = 100_000;

/// Most Boxes (and Vecs of values that own memory) inside each other a printed value may
/// have: printing follows each, as deep as the data goes.
const MAX_PRINTED_BOXES: u32 = 100;

/// Why the machine stopped before the end of `main`.
enum Halt {
    /// It reached the step it was asked to pause before.
    Pause,
    /// An error ended the run (boxed: the machine's results stay two words).
    Stop(Box<Stop>),
}

impl From<Stop> for Halt {
    #[cold]
    fn from(s: Stop) -> Halt {
        Halt::Stop(Box::new(s))
    }
}

struct Stop {
    kind: DiagnosticKind,
    message: String,
    span: Span,
    notes: Vec<String>,
    /// Secondary spans, such as where a block was allocated and freed.
    labels: Vec<(Span, String)>,
    memory: Option<Box<MemoryReport>>,
}

/// A `char` method without arguments, as the standard library computes it.
fn char_fn(f: CharFn, c: char) -> u64 {
    match f {
        CharFn::LenUtf8 => c.len_utf8() as u64,
        CharFn::ToAsciiUppercase => c.to_ascii_uppercase() as u64,
        CharFn::ToAsciiLowercase => c.to_ascii_lowercase() as u64,
        _ => {
            (match f {
                CharFn::IsAlphabetic => c.is_alphabetic(),
                CharFn::IsNumeric => c.is_numeric(),
                CharFn::IsAlphanumeric => c.is_alphanumeric(),
                CharFn::IsWhitespace => c.is_whitespace(),
                CharFn::IsUppercase => c.is_uppercase(),
                CharFn::IsLowercase => c.is_lowercase(),
                CharFn::IsControl => c.is_control(),
                CharFn::IsAscii => c.is_ascii(),
                CharFn::IsAsciiAlphabetic => c.is_ascii_alphabetic(),
                CharFn::IsAsciiUppercase => c.is_ascii_uppercase(),
                CharFn::IsAsciiLowercase => c.is_ascii_lowercase(),
                CharFn::IsAsciiAlphanumeric => c.is_ascii_alphanumeric(),
                CharFn::IsAsciiDigit => c.is_ascii_digit(),
                CharFn::IsAsciiHexdigit => c.is_ascii_hexdigit(),
                CharFn::IsAsciiPunctuation => c.is_ascii_punctuation(),
                CharFn::IsAsciiGraphic => c.is_ascii_graphic(),
                CharFn::IsAsciiWhitespace => c.is_ascii_whitespace(),
                CharFn::IsAsciiControl => c.is_ascii_control(),
                _ => false,
            }) as u64
        }
    }
}

#[cold]
fn panic_at(message: impl Into<String>, span: Span) -> Stop {
    Stop {
        kind: DiagnosticKind::Panic,
        message: message.into(),
        span,
        notes: Vec::new(),
        labels: Vec::new(),
        memory: None,
    }
}

/// What is left to do while dropping a value (see `Vm::drop_glue`).
enum DropWork {
    /// The entries of glue `glue` from `next` on, for the value at `addr`.
    Glue { addr: u64, glue: u32, next: usize },
    /// Free the block of a Box whose value has been dropped.
    FreeBox(u32),
    /// Free the block of the Vec at this address, its elements dropped.
    FreeVec(u64),
}

/// What is left to do while making a clone (see `Vm::clone_value`).
enum CloneWork {
    /// The steps of clone glue `glue` from `next` on, from `src` to `dst`.
    Steps {
        glue: u32,
        src: u64,
        dst: u64,
        next: usize,
    },
    /// A cloned Vec's or String's metadata, its elements done.
    Buffer { dst: u64, block: u64, len: u64 },
    /// A cloned Box's pointer, its value done.
    Boxed { dst: u64, block: u64 },
}

/// The history of one allocation, kept after its bytes are reused, for memory reports.
#[derive(Clone)]
struct AllocRec {
    addr: u32,
    size: u32,
    label: u32,
    /// What allocated it: `vec!`, `push`, `alloc`, ...
    by: &'static str,
    step: u64,
    site: u32,
    /// Step and site of the free, once freed.
    freed: Option<(u64, u32)>,
}

pub struct Vm<'p> {
    p: &'p Program,
    settings: &'p Settings,
    st: MemState,
    pub log: EventLog<'p>,
    /// Pause just before beginning this step (`u64::MAX`: run to the end).
    stop_at: u64,
    /// Where to go on when resumed: op index, frame base.
    resume: Option<(usize, u32)>,
    /// A step at or past this number stops at `Vm::at_gate`: the smallest of
    /// `next_snapshot`, `stop_at` and the step limit.
    gate: u64,
    /// The step count when the top frame's record last got its site (a call or a return):
    /// steps after it ran in the top frame, whose record gets `st.site` from `sync_site`,
    /// run before anything reads the frames (steps leave the record alone).
    settled: u64,
    /// `settings.stack_size`, kept at hand for `set_stack_length`.
    stack_size: u32,
    /// Vec elements take the short path of `run_hot` (pointer width 64, no checks).
    plain_vecs: bool,
    /// The run has ended (`main` returned or an error stopped it).
    ended: bool,
    /// The error that ended the run, if one did.
    stopped: Option<Stop>,
    /// The first run: it takes snapshots and keeps the output.
    first_run: bool,
    snapshots: Vec<Snapshot>,
    next_snapshot: u64,
    /// Bytes in live blocks, at the start and wherever they changed (first run only).
    heap_in_use: Vec<(u64, u32)>,
    regs: Vec<u64>,
    owned: Vec<bool>,
    /// By function: whether it uses ownership flags (it owns a Vec parameter or drops or
    /// moves a local); the others get none, so calling them resizes nothing.
    uses_flags: Vec<bool>,
    next_fit: u32,
    bump: u32,
    /// Manual memory mode: nothing is dropped automatically.
    manual: bool,
    /// Manual mode with checks: bad accesses and frees stop the run.
    checked: bool,
    /// Every allocation, by allocation number.
    allocs: Vec<AllocRec>,
    /// Which allocation the pointer in the Vec metadata at a stack index came from.
    provenance: SortedMap<u32, u32>,
    /// Blocks freed twice in an unchecked run: the allocator hands each out once more.
    double_freed: Vec<(u32, u32)>,
    /// Where the read-only block of string literals starts in the heap.
    rodata_base: u32,
    /// The free ranges of the heap (start to end) between live blocks, kept by `alloc` and
    /// `dealloc` so that finding room does not walk every block; built when first needed
    /// (also after a restore: it follows from the block table).
    gaps: Option<crate::maps::SortedMap<u64, u64>>,
    /// Live blocks may overlap (an unchecked double free handed bytes out twice) or hold
    /// no bytes: the free ranges are found by walking the block table from then on.
    gaps_off: bool,
    /// While a value is printed: how many Boxes (and Vecs) deep it is, and whether it went
    /// too deep.
    print_boxes: std::cell::Cell<u32>,
    print_too_deep: std::cell::Cell<bool>,
}

/// Everything that changes while the machine runs, copied at a step boundary.
#[derive(Clone)]
pub struct Snapshot {
    st: MemState,
    regs: Vec<u64>,
    owned: Vec<bool>,
    next_fit: u32,
    bump: u32,
    allocs: Vec<AllocRec>,
    provenance: SortedMap<u32, u32>,
    double_freed: Vec<(u32, u32)>,
    rodata_base: u32,
    resume: (usize, u32),
}

impl Snapshot {
    /// Steps run when it was taken.
    pub fn step(&self) -> u64 {
        self.st.step
    }

    /// Roughly the memory it takes.
    pub fn bytes(&self) -> usize {
        self.st.snapshot_bytes()
            + self.regs.len() * 8
            + self.owned.len()
            + self.allocs.len() * 40
            + self.provenance.len() * 16
    }
}

/// Runs a program. Returns the trace, the error that stopped the run (if any) and, for a
/// manual-mode run that finished, one diagnostic per leaked block.
pub fn execute(
    program: Arc<Program>,
    settings: &Settings,
) -> (Trace, Option<Diagnostic>, Vec<Diagnostic>) {
    let (recording, error, leaks) = {
        let mut vm = Vm::new(&program, settings);
        vm.run_to(u64::MAX);
        let leaks = if vm.stopped.is_none() && vm.manual {
            vm.leaks()
        } else {
            Vec::new()
        };
        let message = vm.stopped.as_ref().map(|s| s.message.clone());
        let error = vm.stopped.take().map(|stop| {
            let step = vm.st.step.saturating_sub(1);
            let label = match (stop.kind, stop.memory.as_ref().and_then(|m| m.access)) {
                (DiagnosticKind::Panic, _) => "panicked here".to_string(),
                (DiagnosticKind::StackOverflow, _) => "the stack ran out here".to_string(),
                (DiagnosticKind::OutOfMemory, _) => "this allocation failed".to_string(),
                (DiagnosticKind::MemoryError, Some(Access::Read)) => {
                    format!(
                        "READ of size {} here",
                        stop.memory.as_ref().map_or(0, |m| m.size)
                    )
                }
                (DiagnosticKind::MemoryError, Some(Access::Write)) => {
                    format!(
                        "WRITE of size {} here",
                        stop.memory.as_ref().map_or(0, |m| m.size)
                    )
                }
                (DiagnosticKind::MemoryError, _) => "bad free here".to_string(),
                _ => "the run stopped here".to_string(),
            };
            let mut d =
                Diagnostic::error(stop.kind, stop.span, stop.message).with_span_label(label);
            d.step = Some(step);
            d.notes = stop.notes;
            for (span, text) in stop.labels {
                d = d.with_label(span, text);
            }
            d.memory = stop.memory.map(|m| *m);
            d
        });
        let recording = Recording {
            checkpoints: std::mem::take(&mut vm.snapshots),
            output: std::mem::take(&mut vm.log.output),
            stderr: std::mem::take(&mut vm.log.stderr),
            steps: vm.st.step,
            events: vm.log.count,
            error: message,
            heap_in_use: std::mem::take(&mut vm.heap_in_use),
        };
        (recording, error, leaks)
    };
    (Trace::new(program, settings, recording), error, leaks)
}

/// First run: steps between snapshots at least...
const MIN_SNAPSHOT_GAP: u64 = 4096;
/// ...and more when memory is large (one step per this many bytes a snapshot copies)...
const SNAPSHOT_BYTES_PER_STEP: u64 = 4;
/// ...but never more, so that replaying to any step stays quick.
const MAX_SNAPSHOT_GAP: u64 = 65_536;

impl<'p> Vm<'p> {
    /// A machine about to run `main`'s first step.
    fn new(p: &'p Program, settings: &'p Settings) -> Vm<'p> {
        let mut vm = Vm {
            p,
            settings,
            st: MemState::new(settings.stack_size, settings.heap_size),
            log: EventLog::new(p, true),
            stop_at: u64::MAX,
            resume: None,
            gate: 0,
            settled: 0,
            stack_size: settings.stack_size,
            plain_vecs: settings.ptr_width == PtrWidth::W64
                && !(settings.mode == MemoryMode::Manual && settings.checks == Checks::Checked),
            ended: false,
            stopped: None,
            first_run: true,
            snapshots: Vec::new(),
            next_snapshot: 0,
            heap_in_use: vec![(0, 0)],
            regs: Vec::with_capacity(64),
            owned: Vec::new(),
            uses_flags: Self::flag_users(p),
            next_fit: 0,
            bump: 0,
            manual: settings.mode == MemoryMode::Manual,
            checked: settings.mode == MemoryMode::Manual && settings.checks == Checks::Checked,
            allocs: Vec::new(),
            provenance: SortedMap::new(),
            double_freed: Vec::new(),
            rodata_base: 0,
            gaps: None,
            gaps_off: false,
            print_boxes: Default::default(),
            print_too_deep: Default::default(),
        };
        vm.enter(p.main, 0, 0, 0, (u32::MAX, 0));
        let entry = p
            .functions
            .get(p.main as usize)
            .map_or(0, |f| f.entry as usize);
        vm.resume = Some((entry, 0));
        if !p.rodata.is_empty() {
            // The string literals: one read-only block at the start of the heap.
            let n = p.rodata.len() as u64;
            let span = p.functions[p.main as usize].span;
            match vm.alloc(n, 1, p.rodata_label, span, "string literals") {
                Ok(a) => {
                    vm.rodata_base = a;
                    vm.st.write(Region::Heap, a, &p.rodata);
                    vm.log.write(Region::Heap, a, &p.rodata);
                }
                Err(stop) => {
                    vm.ended = true;
                    vm.stopped = Some(stop);
                }
            }
        }
        vm.snapshot((entry, 0));
        vm
    }

    /// By function: whether it uses ownership flags.
    fn flag_users(p: &Program) -> Vec<bool> {
        p.functions
            .iter()
            .zip(
                p.functions
                    .iter()
                    .skip(1)
                    .map(|f| f.entry)
                    .chain([p.code.len() as u32]),
            )
            .map(|(f, end)| {
                let code = p
                    .code
                    .get(f.entry as usize..end as usize)
                    .unwrap_or_default();
                !f.owning_params.is_empty()
                    || code.iter().any(|op| {
                        matches!(
                            op,
                            Op::DropLocal { .. } | Op::SetOwned { .. } | Op::IsOwned { .. }
                        )
                    })
            })
            .collect()
    }

    /// A machine in the state a snapshot recorded, for a replay: no snapshots, no output kept.
    pub fn restore(p: &'p Program, settings: &'p Settings, snap: &Snapshot) -> Vm<'p> {
        let mut st = MemState::new(settings.stack_size, settings.heap_size);
        st.restore(&snap.st);
        Vm {
            p,
            settings,
            st,
            log: EventLog::new(p, false),
            stop_at: u64::MAX,
            resume: Some(snap.resume),
            gate: 0,
            settled: snap.st.step,
            stack_size: settings.stack_size,
            plain_vecs: settings.ptr_width == PtrWidth::W64
                && !(settings.mode == MemoryMode::Manual && settings.checks == Checks::Checked),
            ended: false,
            stopped: None,
            first_run: false,
            snapshots: Vec::new(),
            next_snapshot: u64::MAX,
            heap_in_use: Vec::new(),
            regs: snap.regs.clone(),
            owned: snap.owned.clone(),
            uses_flags: Self::flag_users(p),
            next_fit: snap.next_fit,
            bump: snap.bump,
            manual: settings.mode == MemoryMode::Manual,
            checked: settings.mode == MemoryMode::Manual && settings.checks == Checks::Checked,
            allocs: snap.allocs.clone(),
            provenance: snap.provenance.clone(),
            double_freed: snap.double_freed.clone(),
            rodata_base: snap.rodata_base,
            gaps: None,
            gaps_off: false,
            print_boxes: Default::default(),
            print_too_deep: Default::default(),
        }
    }

    fn snapshot(&mut self, resume: (usize, u32)) {
        self.sync_site();
        let snap = Snapshot {
            st: self.st.snapshot(),
            regs: self.regs.clone(),
            owned: self.owned.clone(),
            next_fit: self.next_fit,
            bump: self.bump,
            allocs: self.allocs.clone(),
            provenance: self.provenance.clone(),
            double_freed: self.double_freed.clone(),
            rodata_base: self.rodata_base,
            resume,
        };
        let gap = (snap.bytes() as u64 / SNAPSHOT_BYTES_PER_STEP)
            .clamp(MIN_SNAPSHOT_GAP, MAX_SNAPSHOT_GAP);
        self.next_snapshot = self.st.step + gap;
        self.set_gate();
        self.snapshots.push(snap);
    }

    /// Runs until just before step `stop_at` begins, or to the end of the run. An error
    /// ends the run; with the event log on, it is the last event.
    pub fn run_to(&mut self, stop_at: u64) {
        if self.ended {
            return;
        }
        self.stop_at = stop_at;
        self.set_gate();
        match self.run() {
            Ok(()) => self.ended = true,
            Err(Halt::Pause) => {}
            Err(Halt::Stop(stop)) => {
                self.log.error(&stop.message);
                self.ended = true;
                self.stopped = Some(*stop);
            }
        }
    }

    /// Steps begun so far.
    pub fn steps_run(&self) -> u64 {
        self.st.step
    }

    /// The site of the last step begun.
    pub fn site(&self) -> u32 {
        self.st.site
    }

    /// The machine's memory, taking its byte arrays (the machine is done with).
    pub fn take_memory(&mut self) -> MemState {
        self.sync_site();
        let empty = MemState::new(0, 0);
        std::mem::replace(&mut self.st, empty)
    }
}

fn canon(v: u64, ty: IntTy, ptr: PtrWidth) -> u64 {
    canon_bits(v, ty.bits(ptr), ty.signed())
}

/// `v` as a value of the `bits`-bit integer type: truncated, then sign- or zero-extended.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn canon_bits(v: u64, bits: u32, signed: bool) -> u64 {
    if bits >= 64 {
        return v;
    }
    let shift = 64 - bits;
    if signed {
        (((v << shift) as i64) >> shift) as u64
    } else {
        (v << shift) >> shift
    }
}

fn value_of(v: u64, ty: IntTy) -> i128 {
    signed_value(v, ty.signed())
}

/// `v` as a number: sign-extended from 64 bits when `signed`.
fn signed_value(v: u64, signed: bool) -> i128 {
    if signed {
        v as i64 as i128
    } else {
        v as i128
    }
}

/// One integer operation with Rust's debug-build checks.
///
/// The hot operations (+, -, * checked and wrapping) are done here in 64-bit arithmetic
/// with a shift-based range check; the rest go to `arith_general`, which handles every
/// operation. Both give the same results and panics.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn arith(op: Arith, ty: IntTy, a: u64, b: u64, ptr: PtrWidth) -> Result<u64, &'static str> {
    arith_bits(op, ty.bits(ptr), ty.signed(), a, b)
}

/// `arith` for the integer type of `bits` bits, signed or not.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn arith_bits(op: Arith, bits: u32, signed: bool, a: u64, b: u64) -> Result<u64, &'static str> {
    // A 64-bit result is in range for the type when it is its own `bits`-bit truncation,
    // sign- or zero-extended back (it is then also its own canonical form).
    let fits = |r: u64| {
        bits >= 64
            || if signed {
                ((((r << (64 - bits)) as i64) >> (64 - bits)) as u64) == r
            } else {
                r >> bits == 0
            }
    };
    let checked = |r: Option<u64>, msg: &'static str| match r {
        Some(r) if fits(r) => Ok(r),
        _ => Err(msg),
    };
    let (sa, sb) = (a as i64, b as i64);
    match op {
        Arith::Add => checked(
            if signed {
                sa.checked_add(sb).map(|r| r as u64)
            } else {
                a.checked_add(b)
            },
            "attempt to add with overflow",
        ),
        Arith::Sub => checked(
            if signed {
                sa.checked_sub(sb).map(|r| r as u64)
            } else {
                a.checked_sub(b)
            },
            "attempt to subtract with overflow",
        ),
        Arith::Mul => checked(
            if signed {
                sa.checked_mul(sb).map(|r| r as u64)
            } else {
                a.checked_mul(b)
            },
            "attempt to multiply with overflow",
        ),
        // The low 64 bits of a sum, difference or product depend only on the operands' low
        // 64 bits, so 64-bit wrapping arithmetic gives the 128-bit forms' results.
        Arith::WrappingAdd => Ok(canon_bits(a.wrapping_add(b), bits, signed)),
        Arith::WrappingSub => Ok(canon_bits(a.wrapping_sub(b), bits, signed)),
        Arith::WrappingMul => Ok(canon_bits(a.wrapping_mul(b), bits, signed)),
        Arith::Div if b == 0 => Err("attempt to divide by zero"),
        Arith::Div => checked(
            if signed {
                sa.checked_div(sb).map(|r| r as u64)
            } else {
                Some(a / b)
            },
            "attempt to divide with overflow",
        ),
        Arith::Rem if b == 0 => Err("attempt to calculate the remainder with a divisor of zero"),
        Arith::Rem if signed && sa == -1i64 << (bits - 1) && sb == -1 => {
            Err("attempt to calculate the remainder with overflow")
        }
        Arith::Rem if signed => Ok(canon_bits(sa.wrapping_rem(sb) as u64, bits, signed)),
        Arith::Rem => Ok(canon_bits(a % b, bits, signed)),
        _ => arith_general(op, bits, signed, a, b),
    }
}

/// Any integer operation with Rust's debug-build checks, in 128-bit arithmetic.
fn arith_general(op: Arith, bits: u32, signed: bool, a: u64, b: u64) -> Result<u64, &'static str> {
    let (x, y) = (signed_value(a, signed), signed_value(b, signed));
    let (min, max) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    let checked = |r: Option<i128>, msg: &'static str| match r {
        Some(r) if r >= min && r <= max => Ok(canon_bits(r as u64, bits, signed)),
        _ => Err(msg),
    };
    let width = bits as i128;
    match op {
        Arith::Add => checked(x.checked_add(y), "attempt to add with overflow"),
        Arith::Sub => checked(x.checked_sub(y), "attempt to subtract with overflow"),
        Arith::Mul => checked(x.checked_mul(y), "attempt to multiply with overflow"),
        // Division in 64 bits (128-bit division is a slow library call); the results are
        // those of the 128-bit forms: only `i64::MIN / -1` does not fit, and it is out of
        // range for every type anyway.
        Arith::Div => {
            if y == 0 {
                Err("attempt to divide by zero")
            } else if signed {
                let r = (a as i64).checked_div(b as i64).map(i128::from);
                checked(r, "attempt to divide with overflow")
            } else {
                checked(Some((a / b) as i128), "attempt to divide with overflow")
            }
        }
        Arith::Rem => {
            if y == 0 {
                Err("attempt to calculate the remainder with a divisor of zero")
            } else if signed && x == min && y == -1 {
                Err("attempt to calculate the remainder with overflow")
            } else if signed {
                Ok(canon_bits(
                    (a as i64).wrapping_rem(b as i64) as u64,
                    bits,
                    signed,
                ))
            } else {
                Ok(canon_bits(a % b, bits, signed))
            }
        }
        Arith::And => Ok(a & b),
        Arith::Or => Ok(a | b),
        Arith::Xor => Ok(a ^ b),
        Arith::Shl(rhs_signed) | Arith::Shr(rhs_signed) => {
            let amount = if rhs_signed {
                b as i64 as i128
            } else {
                b as i128
            };
            let left = matches!(op, Arith::Shl(_));
            if amount < 0 || amount >= width {
                return Err(if left {
                    "attempt to shift left with overflow"
                } else {
                    "attempt to shift right with overflow"
                });
            }
            let r = if left {
                a << amount
            } else if signed {
                ((a as i64) >> amount) as u64
            } else {
                a >> amount
            };
            Ok(canon_bits(r, bits, signed))
        }
        Arith::WrappingAdd => Ok(canon_bits(x.wrapping_add(y) as u64, bits, signed)),
        Arith::WrappingSub => Ok(canon_bits(x.wrapping_sub(y) as u64, bits, signed)),
        Arith::WrappingMul => Ok(canon_bits(x.wrapping_mul(y) as u64, bits, signed)),
        Arith::Pow => {
            let mut r: i128 = 1;
            for _ in 0..(b as u32) {
                r = match r.checked_mul(x) {
                    Some(v) if v >= min && v <= max => v,
                    _ => return Err("attempt to multiply with overflow"),
                };
                if r == 0 || r == 1 {
                    break;
                }
            }
            Ok(canon_bits(r as u64, bits, signed))
        }
        Arith::Min => Ok(if x <= y { a } else { b }),
        Arith::Max => Ok(if x >= y { a } else { b }),
    }
}

/// `a op b`, as signed or unsigned 64-bit values.
fn compare(op: Cmp, signed: bool, a: u64, b: u64) -> bool {
    let ord = if signed {
        (a as i64).cmp(&(b as i64))
    } else {
        a.cmp(&b)
    };
    match op {
        Cmp::Eq => ord.is_eq(),
        Cmp::Ne => ord.is_ne(),
        Cmp::Lt => ord.is_lt(),
        Cmp::Le => ord.is_le(),
        Cmp::Gt => ord.is_gt(),
        Cmp::Ge => ord.is_ge(),
    }
}

/// Which array an address points into. Registers tag stack addresses with bit 63; a
/// reference stored in memory tags them with its top bit, which is bit 31 at pointer width
/// 32. No index reaches bit 31 (the arrays are at most 256 MiB), so either tag means stack.
fn split(addr: u64) -> (Region, u32) {
    if addr & (STACK_TAG | REF_TAG_32) != 0 {
        (Region::Stack, addr as u32 & !(REF_TAG_32 as u32))
    } else {
        (Region::Heap, addr as u32)
    }
}

/// The stack tag of a reference stored at pointer width 32.
const REF_TAG_32: u64 = 1 << 31;

impl<'p> Vm<'p> {
    fn pw(&self) -> u32 {
        self.p.ptr.bytes()
    }

    fn pop(&mut self) -> u64 {
        self.regs.pop().unwrap_or(0)
    }

    fn span(&self, at: u32) -> Span {
        self.p.spans.get(at as usize).copied().unwrap_or_default()
    }

    fn site_span(&self) -> Span {
        self.p
            .sites
            .get(self.st.site as usize)
            .map(|s| s.span)
            .unwrap_or_default()
    }

    /// Where the running function's ownership flags start in `owned`.
    fn flags_base(&self) -> usize {
        self.st.frames.last().map_or(0, |f| f.flags_base as usize)
    }

    fn read(&self, addr: u64, size: u32) -> u64 {
        let (r, a) = split(addr);
        self.st.read_uint(r, a, size)
    }

    /// Writes the low `size` bytes (`size <= 8`) of `value`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn write(&mut self, addr: u64, value: u64, size: u32) {
        let (r, a) = split(addr);
        self.st.write_scalar(r, a, value, size);
        self.log.write_scalar(r, a, value, size);
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn set_stack_length(&mut self, to: u32) -> Result<(), Stop> {
        let from = self.st.stack_length;
        if to == from {
            return Ok(());
        }
        if to > from {
            if to > self.stack_size {
                return Err(self.stack_overflow());
            }
            // Newly reserved bytes hold no value yet.
            self.st.stack_init.clear_range(from as usize, to as usize);
            self.st.stack_high = self.st.stack_high.max(to);
        }
        self.st.stack_length = to;
        self.log.stack_length(from, to);
        Ok(())
    }

    #[cold]
    fn stack_overflow(&self) -> Stop {
        Stop {
            kind: DiagnosticKind::StackOverflow,
            message: "thread 'main' has overflowed its stack".into(),
            span: self.site_span(),
            notes: vec![format!(
                "the stack holds {} bytes and {} frames were in use; raise it with {}",
                digit_groups(self.settings.stack_size.into()),
                digit_groups(self.st.frames.len() as u64),
                where_to_set("stack-size")
            )],
            labels: Vec::new(),
            memory: None,
        }
    }

    /// The free ranges between live blocks, in address order: those that hold bytes, and
    /// always the one after the last block (up to the end of the heap); and whether some
    /// live blocks overlap or hold no bytes.
    fn gap_list(&self) -> (Vec<(u64, u64)>, bool) {
        let heap = self.settings.heap_size as u64;
        let mut gaps = Vec::new();
        let mut cur = 0u64;
        let mut odd = false;
        for (&(a, _), b) in self.st.blocks.iter().filter(|(_, b)| !b.freed) {
            if (a as u64) > cur {
                gaps.push((cur, a as u64));
            }
            odd |= (a as u64) < cur || b.size == 0;
            cur = cur.max(a as u64 + b.size as u64);
        }
        gaps.push((cur, heap));
        (gaps, odd)
    }

    /// Finds room for `size` bytes by the allocator policy, in the kept index of free ranges
    /// (built the first time; see `Vm::gaps`) or, once live blocks may overlap, by walking
    /// the block table.
    fn find_free(&mut self, size: u32, align: u32) -> Option<u32> {
        if self.gaps.is_none() {
            let (gaps, odd) = self.gap_list();
            self.gaps_off |= odd;
            if self.gaps_off {
                return self.pick_gap(gaps.into_iter(), size, align);
            }
            self.gaps = Some(gaps.into_iter().collect());
        }
        let gaps = self.gaps.as_ref()?;
        self.pick_gap(gaps.iter().map(|(&s, &e)| (s, e)), size, align)
    }

    /// The address the allocator policy picks among the free ranges `gaps`.
    fn pick_gap(
        &self,
        gaps: impl Iterator<Item = (u64, u64)> + Clone,
        size: u32,
        align: u32,
    ) -> Option<u32> {
        let heap = self.settings.heap_size as u64;
        let up = |v: u64| v.div_ceil(align as u64) * align as u64;
        let gaps = || gaps.clone();
        let fits = |(s, e): (u64, u64)| up(s) + size as u64 <= e;
        let pick = match self.settings.allocator {
            AllocatorPolicy::FirstFit => gaps().find(|g| fits(*g)).map(|g| up(g.0)),
            AllocatorPolicy::BestFit => gaps()
                .filter(|g| fits(*g))
                .min_by_key(|g| (g.1 - up(g.0), g.0))
                .map(|g| up(g.0)),
            AllocatorPolicy::NextFit => {
                let from = self.next_fit as u64;
                gaps()
                    .filter(|g| g.1 > from)
                    .map(|g| (g.0.max(from), g.1))
                    .find(|g| fits(*g))
                    .or_else(|| gaps().find(|g| fits(*g)))
                    .map(|g| up(g.0))
            }
            AllocatorPolicy::Bump => {
                let a = up(self.bump as u64);
                (a + size as u64 <= heap).then_some(a)
            }
        };
        pick.map(|a| a as u32)
    }

    fn alloc(
        &mut self,
        elems: u64,
        elem: u32,
        label: u32,
        span: Span,
        by: &'static str,
    ) -> Result<u32, Stop> {
        let bytes = elems.saturating_mul(elem as u64);
        let isize_max = IntTy::Isize.max(self.p.ptr) as u64;
        if bytes > isize_max {
            return Err(panic_at("capacity overflow", span));
        }
        let size = bytes as u32;
        // After an unchecked double free the block is on the free list twice: once its bytes
        // have been handed out again, the next allocation that fits gets them a second time.
        let reused = self.double_freed.iter().rposition(|&(a, s)| {
            s >= size
                && a % elem.max(1) == 0
                && self
                    .st
                    .blocks
                    .range((a, 0)..(a + s.max(1), 0))
                    .any(|(_, b)| !b.freed)
        });
        let found = if let Some(i) = reused {
            Some(self.double_freed.remove(i).0)
        } else if bytes > self.settings.heap_size as u64 {
            None
        } else {
            self.find_free(size, elem)
        };
        let Some(addr) = found else {
            return Err(Stop {
                kind: DiagnosticKind::OutOfMemory,
                message: format!("memory allocation of {bytes} bytes failed"),
                span,
                notes: vec![format!(
                    "the heap holds {} bytes; raise it with {}",
                    digit_groups(self.settings.heap_size.into()),
                    where_to_set("heap-size")
                )],
                labels: Vec::new(),
                memory: None,
            });
        };
        self.next_fit = addr + size;
        self.bump = self.bump.max(addr + size);
        self.take_gap(addr, size);
        let id = self.st.alloc(addr, size, elem, label);
        self.log.alloc(addr, size, elem, label);
        self.note_heap_in_use();
        debug_assert_eq!(id as usize, self.allocs.len());
        self.allocs.push(AllocRec {
            addr,
            size,
            label,
            by,
            step: self.st.step,
            site: self.st.site,
            freed: None,
        });
        Ok(addr)
    }

    fn dealloc(&mut self, addr: u32) {
        if let Some((id, b)) = self.st.block_at(addr) {
            if !b.freed {
                let size = b.size;
                if let Some(a) = self.allocs.get_mut(id as usize) {
                    a.freed = Some((self.st.step, self.st.site));
                }
                self.give_gap(addr, size);
            }
        }
        let (size, label) = self
            .st
            .block_at(addr)
            .map_or((0, u32::MAX), |(_, b)| (b.size, b.label));
        self.st.dealloc(addr);
        self.log.dealloc(addr, size, label);
        self.note_heap_in_use();
    }

    /// Keeps the index of free ranges up to date after `size` bytes at `addr` were handed
    /// out; a range not inside one free range (bytes handed out twice after an unchecked
    /// double free), or no bytes, turns the index off for the rest of the run.
    fn take_gap(&mut self, addr: u32, size: u32) {
        let Some(gaps) = self.gaps.as_mut() else {
            return;
        };
        let heap = self.settings.heap_size as u64;
        let (a, end) = (addr as u64, addr as u64 + size as u64);
        let inside = gaps
            .range(..=a)
            .next_back()
            .map(|(&s, &e)| (s, e))
            .filter(|&(_, e)| end <= e);
        let (Some((s, e)), true) = (inside, size > 0) else {
            self.gaps = None;
            self.gaps_off = true;
            return;
        };
        gaps.remove(&s);
        if a > s {
            gaps.insert(s, a);
        }
        if end < e || e == heap {
            gaps.insert(end, e);
        }
    }

    /// Keeps the index of free ranges up to date after the `size` bytes at `addr` were
    /// freed: they join the free ranges next to them.
    fn give_gap(&mut self, addr: u32, size: u32) {
        let Some(gaps) = self.gaps.as_mut() else {
            return;
        };
        let (mut s, mut e) = (addr as u64, addr as u64 + size as u64);
        if let Some((&ps, &pe)) = gaps.range(..s).next_back() {
            if pe == s {
                gaps.remove(&ps);
                s = ps;
            }
        }
        if let Some(ne) = gaps.remove(&e) {
            e = ne;
        }
        gaps.insert(s, e);
    }

    /// The live block that starts at `p` (if any) is now owned by `label`.
    fn relabel_live(&mut self, p: u32, label: u32) {
        let Some((id, b)) = self.st.block_at(p) else {
            return;
        };
        if b.freed || b.label == label {
            return;
        }
        if let Some(a) = self.allocs.get_mut(id as usize) {
            a.label = label;
        }
        self.st.relabel(p, label);
        self.log.owner(p, label);
    }

    fn meta(&self, vec: u64) -> (u64, u64, u64) {
        let w = self.pw();
        (
            self.read(vec, w),
            self.read(vec + w as u64, w),
            self.read(vec + 2 * w as u64, w),
        )
    }

    fn write_meta(&mut self, vec: u64, ptr: u64, len: u64, cap: u64) {
        let w = self.pw() as usize;
        // Pointer, length and capacity, each `w` bytes, in a buffer on the Rust stack.
        let mut bytes = [0u8; 24];
        for (i, v) in [ptr, len, cap].into_iter().enumerate() {
            bytes[i * w..(i + 1) * w].copy_from_slice(&v.to_le_bytes()[..w]);
        }
        let (r, a) = split(vec);
        self.st.write(r, a, &bytes[..3 * w]);
        self.log.write(r, a, &bytes[..3 * w]);
        if self.checked && r == Region::Stack {
            self.note_provenance(a, ptr, cap);
        }
    }

    /// First run: notes the bytes in live blocks after an allocation or a free.
    fn note_heap_in_use(&mut self) {
        if !self.first_run {
            return;
        }
        let point = (self.st.step, self.st.live_bytes);
        match self.heap_in_use.last_mut() {
            Some(last) if last.0 == point.0 => *last = point,
            _ => self.heap_in_use.push(point),
        }
    }

    fn drop_vec(&mut self, vec: u64) {
        if self.manual {
            return;
        }
        let (ptr, _, cap) = self.meta(vec);
        if cap > 0 {
            self.dealloc(ptr as u32);
        }
    }

    fn run(&mut self) -> Result<(), Halt> {
        let Some((mut pc, mut fb)) = self.resume.take() else {
            return Ok(());
        };
        let ptr = self.p.ptr;
        let program: &'p Program = self.p;
        let code: &'p [Op] = &program.code;
        loop {
            // The common ops run in `run_hot`; it stops before the first op it leaves to the
            // match below (or at the end of the run).
            if !self.run_hot(code, &mut pc, &mut fb)? {
                return Ok(());
            }
            // Matched through the reference: each arm reads only its own fields.
            let Some(op) = code.get(pc) else {
                return Ok(());
            };
            pc += 1;
            match *op {
                Op::Copy(size) => {
                    let src = self.pop();
                    let dst = self.pop();
                    let (fr, f) = split(src);
                    let (tr, t) = split(dst);
                    self.st.copy(fr, f, tr, t, size);
                    self.log.copy(fr, f, tr, t, size);
                    if self.checked && fr == Region::Stack && tr == Region::Stack {
                        self.copy_provenance(f, t, size);
                    }
                }
                Op::VecNew { align } => {
                    let dst = self.pop();
                    self.write_meta(dst, align as u64, 0, 0);
                }
                Op::VecWithCapacity { elem, label, at } => {
                    let n = self.pop();
                    let dst = self.pop();
                    let ptr_v = if n == 0 {
                        elem as u64
                    } else {
                        self.alloc(n, elem as u32, label, self.span(at), "Vec::with_capacity")?
                            as u64
                    };
                    self.write_meta(dst, ptr_v, 0, n);
                }
                Op::VecAllocLiteral { n, elem, label, at } => {
                    let block = if n == 0 {
                        elem as u64
                    } else {
                        self.alloc(n as u64, elem as u32, label, self.span(at), "vec!")? as u64
                    };
                    self.regs.push(block);
                }
                Op::VecInitElement { index, elem } => {
                    let v = self.pop();
                    let block = *self.regs.last().unwrap_or(&0);
                    self.write(block + (index * elem as u32) as u64, v, elem as u32);
                }
                Op::VecFinishLiteral { n, .. } => {
                    let block = self.pop();
                    let dst = self.pop();
                    self.write_meta(dst, block, n as u64, n as u64);
                }
                Op::VecRepeat { elem, label, at } => {
                    let n = self.pop();
                    let v = self.pop();
                    let dst = self.pop();
                    let block = if n == 0 {
                        elem as u64
                    } else {
                        let b = self.alloc(n, elem as u32, label, self.span(at), "vec!")?;
                        let one = &v.to_le_bytes()[..elem as usize];
                        let bytes: Vec<u8> = one
                            .iter()
                            .copied()
                            .cycle()
                            .take(n as usize * elem as usize)
                            .collect();
                        self.st.write(Region::Heap, b, &bytes);
                        self.log.write(Region::Heap, b, &bytes);
                        b as u64
                    };
                    self.write_meta(dst, block, n, n);
                }
                Op::VecPush { elem, label, at } => {
                    let v = self.pop();
                    let vec = self.pop();
                    let (p, len, cap) = self.meta(vec);
                    let e = elem as u64;
                    if self.checked {
                        // Growing reads the old elements; otherwise push writes one.
                        if len == cap && len > 0 {
                            self.check_heap(
                                Some(vec),
                                p as u32,
                                (len * e) as u32,
                                Access::Read,
                                self.span(at),
                            )?;
                        } else if len < cap {
                            self.check_heap(
                                Some(vec),
                                (p + len * e) as u32,
                                elem as u32,
                                Access::Write,
                                self.span(at),
                            )?;
                        }
                    }
                    if len == cap {
                        let min_cap = if e == 1 {
                            8
                        } else if e <= 1024 {
                            4
                        } else {
                            1
                        };
                        let new_cap = (cap * 2).max(len + 1).max(min_cap);
                        let old_label = self
                            .st
                            .block_at(p as u32)
                            .filter(|(_, b)| cap > 0 && !b.freed)
                            .map_or(label, |(_, b)| b.label);
                        let np =
                            self.alloc(new_cap, elem as u32, old_label, self.span(at), "push")?
                                as u64;
                        if len > 0 {
                            self.st.copy(
                                Region::Heap,
                                p as u32,
                                Region::Heap,
                                np as u32,
                                (len * e) as u32,
                            );
                            self.log.copy(
                                Region::Heap,
                                p as u32,
                                Region::Heap,
                                np as u32,
                                (len * e) as u32,
                            );
                        }
                        self.write(np + len * e, v, elem as u32);
                        if cap > 0 {
                            self.dealloc(p as u32);
                        }
                        self.write_meta(vec, np, len + 1, new_cap);
                    } else {
                        self.write(p + len * e, v, elem as u32);
                        let w = self.pw();
                        self.write(vec + w as u64, len + 1, w);
                    }
                }
                Op::DropLocal { off, local } => {
                    let base = self.flags_base();
                    let i = base + local as usize;
                    if self.owned.get(i).copied().unwrap_or(false) {
                        self.owned[i] = false;
                        let a = (fb + off) as u64 | STACK_TAG;
                        self.drop_vec(a);
                    }
                }
                Op::Alloc { at, label } => {
                    let n = self.pop();
                    let addr = if n == 0 {
                        // Like `malloc(0)`: a unique address, no block.
                        0
                    } else {
                        self.alloc(n, 1, label, self.span(at), "alloc")?
                    };
                    self.regs.push(addr as u64);
                }
                Op::DeallocVec { at } => {
                    let vec = self.pop();
                    self.dealloc_vec(vec, self.span(at))?;
                }
                Op::DeallocRaw { at } => {
                    let addr = self.pop();
                    self.dealloc_raw(addr, self.span(at))?;
                }
                Op::RawAddr { stack, at } => {
                    let index = self.pop();
                    let write = matches!(code.get(pc), Some(Op::StoreAt(_)));
                    let a = self.raw_addr(stack, index, write, self.span(at))?;
                    self.regs.push(a);
                }
                Op::DropAt => {
                    let a = self.pop();
                    self.drop_vec(a);
                }
                Op::IsOwned { local } => {
                    let base = self.flags_base();
                    let owned = self.owned.get(base + local as usize).copied();
                    self.regs.push(owned.unwrap_or(false) as u64);
                }
                Op::SetOwned { local, owned } => {
                    let base = self.flags_base();
                    if let Some(f) = self.owned.get_mut(base + local as usize) {
                        *f = owned;
                    }
                    // The view shows moved-out variables as moved (in manual mode a Vec is
                    // plain bytes: passing it copies, nothing moves).
                    let top = self.st.frames.len().saturating_sub(1) as u32;
                    let was_moved = self.st.is_moved(top, local);
                    if was_moved == owned && !self.manual {
                        self.st.set_moved(local, !owned);
                    }
                }
                Op::Own { off, label } => {
                    let a = (fb + off) as u64 | STACK_TAG;
                    let (p, _, cap) = self.meta(a);
                    if cap > 0 {
                        let current = self.st.block_at(p as u32).map(|(_, b)| b.label);
                        if current.is_some() && current != Some(label) {
                            if let Some((id, _)) = self.st.block_at(p as u32) {
                                if let Some(a) = self.allocs.get_mut(id as usize) {
                                    a.label = label;
                                }
                            }
                            self.st.relabel(p as u32, label);
                            self.log.owner(p as u32, label);
                        }
                    }
                }
                Op::OwnBox { off, label } => {
                    let a = (fb + off) as u64 | STACK_TAG;
                    let p = self.read(a, self.pw()) as u32;
                    self.relabel_live(p, label);
                }
                Op::Print {
                    format,
                    args,
                    stderr,
                } => {
                    if self.checked {
                        self.check_format_reads(format, args)?;
                    }
                    let text = self.format(format, args);
                    self.printed_in_depth()?;
                    if stderr {
                        self.log.stderr(&text);
                        self.st.stderr_len += text.len();
                    } else {
                        self.log.output(&text);
                        self.st.output_len += text.len();
                    }
                }
                Op::Panic { format, args, at } => {
                    let text = self.format(format, args);
                    self.printed_in_depth()?;
                    return Err(Halt::from(panic_at(text, self.span(at))));
                }
                Op::DropGlueLocal { off, local, glue } => {
                    let base = self.flags_base();
                    let i = base + local as usize;
                    if self.owned.get(i).copied().unwrap_or(false) {
                        self.owned[i] = false;
                        self.drop_glue((fb + off) as u64 | STACK_TAG, glue);
                    }
                }
                Op::DropGlueAt(glue) => {
                    let a = self.pop();
                    self.drop_glue(a, glue);
                }
                Op::ArrayIndex { len, elem, at } => {
                    let idx = self.pop();
                    let a = self.pop();
                    if idx >= len as u64 {
                        return Err(Halt::from(panic_at(
                            format!("index out of bounds: the len is {len} but the index is {idx}"),
                            self.span(at),
                        )));
                    }
                    self.regs.push(a + idx * elem as u64);
                }
                Op::Fill { size, count } => {
                    let a = self.pop();
                    self.fill(a, size, count);
                }
                Op::VecInitCopy { index, elem } => {
                    let src = self.pop();
                    let block = *self.regs.last().unwrap_or(&0);
                    self.copy_bytes(src, block + (index * elem as u32) as u64, elem as u32);
                }
                Op::VecPushCopy { elem, label, at } => {
                    let src = self.pop();
                    let vec = self.pop();
                    self.push_copy(vec, src, elem, label, at)?;
                }
                Op::VecPop { elem } => {
                    let vec = self.pop();
                    let (p, len, _) = self.meta(vec);
                    if len == 0 {
                        self.regs.push(0);
                    } else {
                        let w = self.pw();
                        self.write(vec + w as u64, len - 1, w);
                        self.regs.push(p + (len - 1) * elem as u64);
                        self.regs.push(1);
                    }
                }
                Op::StrLit { off, len } => {
                    let dst = self.pop();
                    let w = self.pw();
                    self.write(dst, (self.rodata_base + off) as u64, w);
                    self.write(dst + w as u64, len as u64, w);
                }
                Op::StringFrom { label, at } => {
                    let src = self.pop();
                    let dst = self.pop();
                    let w = self.pw();
                    let (p, len) = (self.read(src, w), self.read(src + w as u64, w));
                    if len == 0 {
                        self.write_meta(dst, 1, 0, 0);
                    } else {
                        let np = self.alloc(len, 1, label, self.span(at), "String::from")?;
                        self.copy_bytes(p, np as u64, len as u32);
                        self.write_meta(dst, np as u64, len, len);
                    }
                }
                Op::StringPushStr { label, at } => {
                    let src = self.pop();
                    let string = self.pop();
                    let w = self.pw();
                    let (p, len) = (self.read(src, w), self.read(src + w as u64, w));
                    let bytes: Vec<u8> = (0..len).map(|i| self.read(p + i, 1) as u8).collect();
                    self.append(string, &bytes, label, at)?;
                }
                Op::StringPushChar { label, at } => {
                    let c = self.pop();
                    let string = self.pop();
                    let ch = char::from_u32(c as u32).unwrap_or('\u{fffd}');
                    let mut buf = [0u8; 4];
                    let bytes = ch.encode_utf8(&mut buf).as_bytes().to_vec();
                    self.append(string, &bytes, label, at)?;
                }
                Op::BoxNew {
                    size,
                    align,
                    label,
                    at,
                } => {
                    let src = self.pop();
                    let dst = self.pop();
                    let w = self.pw();
                    if size == 0 {
                        self.write(dst, align as u64, w);
                    } else {
                        let a = align.max(1);
                        let np =
                            self.alloc((size / a) as u64, a, label, self.span(at), "Box::new")?;
                        self.copy_bytes(src, np as u64, size);
                        self.write(dst, np as u64, w);
                    }
                }
                Op::CloneBuffer {
                    elem,
                    align,
                    label,
                    at,
                } => {
                    let src = self.pop();
                    let dst = self.pop();
                    let (p, len, _) = self.meta(src);
                    if len == 0 {
                        self.write_meta(dst, align.max(1) as u64, 0, 0);
                    } else {
                        let e = elem as u32;
                        let np = self.alloc(len, e, label, self.span(at), "clone")?;
                        self.copy_bytes(p, np as u64, len as u32 * e);
                        self.write_meta(dst, np as u64, len, len);
                    }
                }
                Op::MakeSlice {
                    elem,
                    array_len,
                    has_end,
                    inclusive,
                    at,
                } => {
                    let end = if has_end { Some(self.pop()) } else { None };
                    let start = self.pop();
                    let base = self.pop();
                    let dst = self.pop();
                    let w = self.pw();
                    let (p, len) = if array_len == u32::MAX {
                        (self.read(base, w), self.read(base + w as u64, w))
                    } else {
                        (base, array_len as u64)
                    };
                    let end_v = match end {
                        Some(e) if inclusive => e.checked_add(1),
                        Some(e) => Some(e),
                        None => Some(len),
                    };
                    let msg = match end_v {
                        None => Some("attempted to index slice up to maximum usize".to_string()),
                        Some(_) if end.is_none() && start > len => Some(format!(
                            "range start index {start} out of range for slice of length {len}"
                        )),
                        Some(e) if start > e => {
                            Some(format!("slice index starts at {start} but ends at {e}"))
                        }
                        Some(e) if e > len => Some(format!(
                            "range end index {e} out of range for slice of length {len}"
                        )),
                        _ => None,
                    };
                    if let Some(m) = msg {
                        return Err(Halt::from(panic_at(m, self.span(at))));
                    }
                    let end_v = end_v.unwrap_or(len);
                    let mut sp = p.wrapping_add(start * elem as u64);
                    if ptr == PtrWidth::W32 && sp & STACK_TAG != 0 {
                        sp = (sp & !STACK_TAG) | REF_TAG_32;
                    }
                    self.write(dst, sp, w);
                    self.write(dst + w as u64, end_v - start, w);
                }
                Op::ScalarToString {
                    format,
                    digits,
                    label,
                    at,
                } => {
                    let text = self.format(format, 1);
                    let dst = self.pop();
                    let len = text.len() as u64;
                    let cap = if digits > 0 {
                        (digits as u64 + text.starts_with('-') as u64).max(len)
                    } else {
                        len
                    };
                    let np = self.alloc(cap, 1, label, self.span(at), "to_string")? as u64;
                    self.st.write(Region::Heap, np as u32, text.as_bytes());
                    self.log.write(Region::Heap, np as u32, text.as_bytes());
                    self.write_meta(dst, np, len, cap);
                }
                Op::CharAt => {
                    let i = self.pop();
                    let s = self.pop();
                    let w = self.pw();
                    let (p, len) = (self.read(s, w), self.read(s + w as u64, w));
                    let n = (len.saturating_sub(i)).min(4);
                    let bytes: Vec<u8> = (0..n).map(|k| self.read(p + i + k, 1) as u8).collect();
                    let (c, size) = match bytes.utf8_chunks().next() {
                        Some(chunk) if !chunk.valid().is_empty() => {
                            let c = chunk.valid().chars().next().unwrap_or('\u{fffd}');
                            (c, c.len_utf8() as u64)
                        }
                        _ => ('\u{fffd}', 1),
                    };
                    self.regs.push(size);
                    self.regs.push(c as u64);
                }
                Op::StrEq => {
                    let b = self.pop();
                    let a = self.pop();
                    let w = self.pw();
                    let (pa, la) = (self.read(a, w), self.read(a + w as u64, w));
                    let (pb, lb) = (self.read(b, w), self.read(b + w as u64, w));
                    let eq =
                        la == lb && (0..la).all(|i| self.read(pa + i, 1) == self.read(pb + i, 1));
                    self.regs.push(eq as u64);
                }
                Op::StrSlice {
                    has_end,
                    inclusive,
                    at,
                } => {
                    let end = if has_end { Some(self.pop()) } else { None };
                    let start = self.pop();
                    let text = self.pop();
                    let dst = self.pop();
                    self.str_slice(dst, text, start, end, inclusive, at)?;
                }
                Op::StrCharCount => {
                    let a = self.pop();
                    let (_, bytes) = self.text(a);
                    let n = String::from_utf8_lossy(&bytes).chars().count();
                    self.regs.push(n as u64);
                }
                Op::StrFind { kind, char_pat } => {
                    let pat = self.pop();
                    let a = self.pop();
                    let (_, text) = self.text(a);
                    let pat = if char_pat {
                        let c = char::from_u32(pat as u32).unwrap_or('\u{fffd}');
                        c.to_string().into_bytes()
                    } else {
                        self.text(pat).1
                    };
                    let found = match kind {
                        StrMatch::Starts => text.starts_with(&pat),
                        StrMatch::Ends => text.ends_with(&pat),
                        StrMatch::Contains => {
                            pat.is_empty() || text.windows(pat.len()).any(|w| w == pat.as_slice())
                        }
                    };
                    self.regs.push(found as u64);
                }
                Op::StrTrim => {
                    let a = self.pop();
                    let dst = self.pop();
                    let (p, bytes) = self.text(a);
                    let text = String::from_utf8_lossy(&bytes);
                    let trimmed = text.trim_start();
                    let start = text.len() - trimmed.len();
                    let len = trimmed.trim_end().len();
                    let w = self.pw();
                    self.write(dst, p + start as u64, w);
                    self.write(dst + w as u64, len as u64, w);
                }
                Op::StrChangeCase { upper, label, at } => {
                    let a = self.pop();
                    let dst = self.pop();
                    self.change_case(dst, a, upper, label, at)?;
                }
                Op::Clear => {
                    let a = self.pop();
                    let w = self.pw();
                    self.write(a + w as u64, 0, w);
                }
                Op::StringPop => {
                    let a = self.pop();
                    let dst = self.pop();
                    let (_, bytes) = self.text(a);
                    let text = String::from_utf8_lossy(&bytes);
                    match text.chars().next_back() {
                        Some(c) => {
                            let w = self.pw();
                            let len = bytes.len() - c.len_utf8();
                            self.write(a + w as u64, len as u64, w);
                            self.write(dst, c as u64, 4);
                        }
                        // `None` is the value no `char` holds, 0x110000.
                        None => self.write(dst, 0x11_0000, 4),
                    }
                }
                Op::CharFn { f, at } => {
                    let radix = matches!(f, CharFn::IsDigit | CharFn::ToDigit).then(|| self.pop());
                    let c = char::from_u32(self.pop() as u32).unwrap_or('\u{fffd}');
                    let r = match (f, radix) {
                        (CharFn::IsDigit | CharFn::ToDigit, Some(radix)) => {
                            let radix = u32::try_from(radix).unwrap_or(u32::MAX);
                            if !(2..=36).contains(&radix) {
                                return Err(panic_at(
                                    "to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive",
                                    self.span(at),
                                )
                                .into());
                            }
                            match (c.to_digit(radix), f) {
                                (Some(_), CharFn::IsDigit) => 1,
                                (None, CharFn::IsDigit) => 0,
                                (Some(d), _) => d as u64,
                                (None, _) => u64::MAX,
                            }
                        }
                        _ => char_fn(f, c),
                    };
                    self.regs.push(r);
                }
                Op::CharBefore => {
                    let i = self.pop();
                    let s = self.pop();
                    let (_, bytes) = self.text(s);
                    let head = bytes.get(..i as usize).unwrap_or(&bytes);
                    let (c, size) = match String::from_utf8_lossy(head).chars().next_back() {
                        Some(c) if c != '\u{fffd}' => (c, c.len_utf8() as u64),
                        _ => ('\u{fffd}', 1),
                    };
                    self.regs.push(size);
                    self.regs.push(c as u64);
                }
                Op::CloneValue { glue, label, at } => {
                    let src = self.pop();
                    let dst = self.pop();
                    self.clone_value(src, dst, glue, label, at)?;
                }
                Op::FormatString {
                    format,
                    args,
                    label,
                    at,
                } => {
                    let (text, cap) = self.format_with_capacity(format, args);
                    self.printed_in_depth()?;
                    let dst = self.pop();
                    let len = text.len() as u64;
                    if cap == 0 {
                        self.write_meta(dst, 1, 0, 0);
                    } else {
                        let np = self.alloc(cap, 1, label, self.span(at), "format!")? as u64;
                        if len > 0 {
                            self.st.write(Region::Heap, np as u32, text.as_bytes());
                            self.log.write(Region::Heap, np as u32, text.as_bytes());
                        }
                        self.write_meta(dst, np, len, cap);
                    }
                }
                Op::LoadAt(ty) => {
                    let a = self.pop();
                    if self.checked {
                        self.check_stack_access(a, ty.size as u32, Access::Read)?;
                    }
                    let v = self.load(a, ty);
                    self.regs.push(v);
                }
                Op::StoreAt(size) => {
                    let a = self.pop();
                    let v = self.pop();
                    if self.checked {
                        self.check_stack_access(a, size as u32, Access::Write)?;
                    }
                    self.write(a, v, size as u32);
                }
                Op::AddrRet => {
                    let slot = self.st.frames.last().map_or(0, |f| f.slot);
                    self.regs.push(slot as u64 | STACK_TAG);
                }
                Op::Pop => {
                    self.pop();
                }
                Op::Swap => {
                    let n = self.regs.len();
                    if n >= 2 {
                        self.regs.swap(n - 1, n - 2);
                    }
                }
                Op::Arith { op, ty, at } => {
                    let b = self.pop();
                    let a = self.pop();
                    let r = arith(op, ty, a, b, ptr).map_err(|m| panic_at(m, self.span(at)))?;
                    self.regs.push(r);
                }
                Op::ArithAt { op, ty, at } => {
                    let addr = self.pop();
                    let b = self.pop();
                    self.arith_at(addr, op, ty, b, at)?;
                }
                Op::Cmp { op, signed } => {
                    let b = self.pop();
                    let a = self.pop();
                    self.regs.push(compare(op, signed, a, b) as u64);
                }
                Op::Neg { ty, at } => {
                    let a = self.pop();
                    let r = arith(Arith::Sub, ty, 0, a, ptr)
                        .map_err(|_| panic_at("attempt to negate with overflow", self.span(at)))?;
                    self.regs.push(r);
                }
                Op::Abs { ty, at } => {
                    let a = self.pop();
                    let r = if (a as i64) < 0 {
                        arith(Arith::Sub, ty, 0, a, ptr).map_err(|_| {
                            panic_at("attempt to negate with overflow", self.span(at))
                        })?
                    } else {
                        a
                    };
                    self.regs.push(r);
                }
                Op::Not(ty) => {
                    let a = self.pop();
                    self.regs.push(canon(!a, ty, ptr));
                }
                Op::NotBool => {
                    let a = self.pop();
                    self.regs.push((a == 0) as u64);
                }
                Op::Cast(to) => {
                    let a = self.pop();
                    self.regs.push(canon(a, to, ptr));
                }
                Op::JumpIfFalse(t) => {
                    let v = self.pop();
                    if v == 0 {
                        pc = t as usize;
                    }
                }
                Op::JumpIfTrue(t) => {
                    let v = self.pop();
                    if v != 0 {
                        pc = t as usize;
                    }
                }
                Op::StoreRet(size) => {
                    let v = self.pop();
                    let slot = self.st.frames.last().map_or(0, |f| f.slot);
                    self.st_stack(slot, v, size as u32);
                }
                Op::VecField(i) => {
                    let vec = self.pop();
                    let w = self.pw();
                    let v = self.read(vec + (i as u32 * w) as u64, w);
                    self.regs.push(v);
                }
                Op::VecIndex { elem, at } => {
                    let idx = self.pop();
                    let vec = self.pop();
                    let write = matches!(code.get(pc), Some(Op::StoreAt(_)));
                    let a = self.vec_index(vec, idx, elem, at, write)?;
                    self.regs.push(a);
                }
                Op::Offset(n) => {
                    let a = self.pop();
                    self.regs.push(a.wrapping_add(n as u64));
                }
                Op::ToRef => {
                    let a = self.pop();
                    let r = if ptr == PtrWidth::W32 && a & STACK_TAG != 0 {
                        (a & !STACK_TAG) | REF_TAG_32
                    } else {
                        a
                    };
                    self.regs.push(r);
                }
                // `optimize::link` makes every call an `Enter`.
                Op::Call {
                    func,
                    base,
                    slot,
                    slot_size,
                } => {
                    if self.st.frames.len() >= MAX_FRAMES {
                        return Err(Halt::from(self.stack_overflow()));
                    }
                    let entry = program.functions.get(func as usize).map(|f| f.entry);
                    self.enter(func, fb + base, fb + slot, slot_size, (pc as u32, fb));
                    fb += base;
                    pc = entry.map_or(code.len(), |e| e as usize);
                }
                // The rest run in `run_hot`, which never stops before them.
                _ => {}
            }
        }
    }

    /// Runs a step marker: a pause or a snapshot if one is due, the step limit, the step
    /// count and site. `at` is where this step's op is (op index, frame base): a pause or a
    /// snapshot resumes there, running the step from its start.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn step(&mut self, site: u32, at: (usize, u32)) -> Result<(), Halt> {
        if self.st.step >= self.gate {
            self.at_gate(site, at)?;
        }
        self.st.step += 1;
        self.st.site = site;
        Ok(())
    }

    /// Puts the last step's site into the top frame's record, if a step has run in it since
    /// it was last put there.
    fn sync_site(&mut self) {
        if self.st.step > self.settled {
            if let Some(f) = self.st.frames.last_mut() {
                f.site = self.st.site;
            }
            self.settled = self.st.step;
        }
    }

    /// A step has reached `gate`: pauses, takes a snapshot, or stops at the step limit.
    #[cold]
    #[inline(never)]
    fn at_gate(&mut self, site: u32, at: (usize, u32)) -> Result<(), Halt> {
        if self.st.step >= self.next_snapshot.min(self.stop_at) {
            if self.st.step == self.stop_at {
                self.resume = Some(at);
                return Err(Halt::Pause);
            }
            if self.first_run {
                self.snapshot(at);
            }
        }
        if self.st.step >= self.settings.max_steps {
            return Err(Halt::from(self.step_limit(site)));
        }
        self.set_gate();
        Ok(())
    }

    fn set_gate(&mut self) {
        self.gate = self
            .next_snapshot
            .min(self.stop_at)
            .min(self.settings.max_steps);
    }

    #[cold]
    fn step_limit(&self, site: u32) -> Stop {
        let span = self
            .p
            .sites
            .get(site as usize)
            .map(|s| s.span)
            .unwrap_or_default();
        Stop {
            kind: DiagnosticKind::StepLimit,
            message: format!(
                "the run reached the step limit of {} steps",
                digit_groups(self.settings.max_steps)
            ),
            span,
            notes: vec![format!(
                "the program may loop forever; if it only needs more steps, raise the limit with {}",
                where_to_set("max-steps")
            )],
            labels: Vec::new(),
            memory: None,
        }
    }

    /// Copies `size` bytes between any two addresses, as one recorded copy.
    fn copy_bytes(&mut self, src: u64, dst: u64, size: u32) {
        let (fr, f) = split(src);
        let (tr, t) = split(dst);
        self.st.copy(fr, f, tr, t, size);
        self.log.copy(fr, f, tr, t, size);
    }

    /// `push` of an element whose bytes are at `src` (a struct, tuple or array): as `VecPush`
    /// does for scalars, growing the block as rustc does, then copying the bytes in.
    fn push_copy(&mut self, vec: u64, src: u64, elem: u8, label: u32, at: u32) -> Result<(), Stop> {
        let (p, len, cap) = self.meta(vec);
        let e = elem as u64;
        if self.checked {
            if len == cap && len > 0 {
                self.check_heap(
                    Some(vec),
                    p as u32,
                    (len * e) as u32,
                    Access::Read,
                    self.span(at),
                )?;
            } else if len < cap {
                let a = (p + len * e) as u32;
                self.check_heap(Some(vec), a, elem as u32, Access::Write, self.span(at))?;
            }
        }
        if len < cap {
            self.copy_bytes(src, p + len * e, elem as u32);
            let w = self.pw();
            self.write(vec + w as u64, len + 1, w);
            return Ok(());
        }
        let min_cap = if e == 1 { 8 } else { 4 };
        let new_cap = (cap * 2).max(len + 1).max(min_cap);
        let old_label = self
            .st
            .block_at(p as u32)
            .filter(|(_, b)| cap > 0 && !b.freed)
            .map_or(label, |(_, b)| b.label);
        let np = self.alloc(new_cap, elem as u32, old_label, self.span(at), "push")? as u64;
        if len > 0 {
            self.copy_bytes(p, np, (len * e) as u32);
        }
        self.copy_bytes(src, np + len * e, elem as u32);
        if cap > 0 {
            self.dealloc(p as u32);
        }
        self.write_meta(vec, np, len + 1, new_cap);
        Ok(())
    }

    /// Appends bytes to the `String` at `string`, growing its block as a `Vec<u8>` grows:
    /// allocate the new block, copy the old bytes, write the new ones, free the old block.
    fn append(&mut self, string: u64, bytes: &[u8], label: u32, at: u32) -> Result<(), Stop> {
        let (p, len, cap) = self.meta(string);
        let n = bytes.len() as u64;
        if n == 0 {
            return Ok(());
        }
        if len + n <= cap {
            self.st.write(Region::Heap, (p + len) as u32, bytes);
            self.log.write(Region::Heap, (p + len) as u32, bytes);
            let w = self.pw();
            self.write(string + w as u64, len + n, w);
            return Ok(());
        }
        let new_cap = (cap * 2).max(len + n).max(8);
        let old_label = self
            .st
            .block_at(p as u32)
            .filter(|(_, b)| cap > 0 && !b.freed)
            .map_or(label, |(_, b)| b.label);
        let np = self.alloc(new_cap, 1, old_label, self.span(at), "push_str")? as u64;
        if len > 0 {
            self.copy_bytes(p, np, len as u32);
        }
        self.st.write(Region::Heap, (np + len) as u32, bytes);
        self.log.write(Region::Heap, (np + len) as u32, bytes);
        if cap > 0 {
            self.dealloc(p as u32);
        }
        self.write_meta(string, np, len + n, new_cap);
        Ok(())
    }

    /// The pointer and the bytes of the text whose pointer and length are at `addr` (a
    /// `String`'s or a `&str`'s).
    fn text(&self, addr: u64) -> (u64, Vec<u8>) {
        let w = self.pw();
        let (p, len) = (self.read(addr, w), self.read(addr + w as u64, w));
        let (r, a) = split(p);
        let bytes = self
            .st
            .bytes(r)
            .get(a as usize..(a as u64 + len) as usize)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        (p, bytes)
    }

    /// `&text[start..end]` (`end` the length when `None`, inclusive when `inclusive`): the
    /// `&str` written at `dst`, or `str`'s panic for a range out of bounds, reversed or not
    /// on char boundaries (the text shown is cut at 256 bytes, as the standard library cuts
    /// it).
    fn str_slice(
        &mut self,
        dst: u64,
        text: u64,
        start: u64,
        end: Option<u64>,
        inclusive: bool,
        at: u32,
    ) -> Result<(), Stop> {
        let (p, bytes) = self.text(text);
        let s = String::from_utf8_lossy(&bytes).into_owned();
        let len = s.len() as u64;
        let mut cut = 256.min(s.len());
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        let shown = format!(
            "`{}`{}",
            &s[..cut],
            if cut < s.len() { "[...]" } else { "" }
        );
        let fail = |m: String| Err(panic_at(m, self.span(at)));
        if start > len {
            return fail(format!(
                "start byte index {start} is out of bounds of {shown}"
            ));
        }
        let end = match end {
            Some(e) if inclusive => {
                if e >= len {
                    return fail(format!("end byte index {e} is out of bounds of {shown}"));
                }
                e + 1
            }
            Some(e) => e,
            None => len,
        };
        if end > len {
            return fail(format!("end byte index {end} is out of bounds of {shown}"));
        }
        if start > end {
            return fail(format!(
                "begin > end ({start} > {end}) when slicing {shown}"
            ));
        }
        for (which, i) in [("start", start), ("end", end)] {
            let i = i as usize;
            if !s.is_char_boundary(i) {
                let mut from = i;
                while !s.is_char_boundary(from) {
                    from -= 1;
                }
                let c = s[from..].chars().next().unwrap_or('\u{fffd}');
                return fail(format!(
                    "{which} byte index {i} is not a char boundary; it is inside {c:?} (bytes {from}..{}) of {shown}",
                    from + c.len_utf8()
                ));
            }
        }
        let w = self.pw();
        self.write(dst, p + start, w);
        self.write(dst + w as u64, end - start, w);
        Ok(())
    }

    /// `to_uppercase` / `to_lowercase` of the text at `text` into a new `String` at `dst`,
    /// for ASCII text: the standard library's capacity is the text's length, which the new
    /// case of ASCII text fills exactly. Other text (whose case can take more bytes, from
    /// Unicode's tables) stops the run as not supported yet.
    fn change_case(
        &mut self,
        dst: u64,
        text: u64,
        upper: bool,
        label: u32,
        at: u32,
    ) -> Result<(), Stop> {
        let (_, bytes) = self.text(text);
        let what = if upper {
            "to_uppercase"
        } else {
            "to_lowercase"
        };
        if !bytes.is_ascii() {
            return Err(Stop {
                kind: DiagnosticKind::Unsupported,
                message: format!("`{what}` of text that is not ASCII is not supported yet"),
                span: self.span(at),
                notes: Vec::new(),
                labels: Vec::new(),
                memory: None,
            });
        }
        let out = if upper {
            bytes.to_ascii_uppercase()
        } else {
            bytes.to_ascii_lowercase()
        };
        let len = out.len() as u64;
        if len == 0 {
            self.write_meta(dst, 1, 0, 0);
            return Ok(());
        }
        let block = self.alloc(len, 1, label, self.span(at), what)?;
        self.st.write(Region::Heap, block, &out);
        self.log.write(Region::Heap, block, &out);
        self.write_meta(dst, block as u64, len, len);
        Ok(())
    }

    /// `format!`'s text and the capacity its `String` ends with: Rust starts from an
    /// estimate (the literal pieces' length, doubled when there are arguments, or 0 when
    /// the text starts with an argument and the pieces are short) and grows as each piece
    /// and argument is written.
    fn format_with_capacity(&mut self, format: u32, args: u8) -> (String, u64) {
        let n = args as usize;
        let start = self.regs.len().saturating_sub(n);
        let values: Vec<u64> = self.regs.drain(start..).collect();
        let pieces = &self.p.formats[format as usize];
        let mut chunks: Vec<(bool, String)> = Vec::new();
        for piece in pieces {
            match piece {
                FmtPiece::Lit(s) => chunks.push((true, s.clone())),
                FmtPiece::Arg { value, spec, ty } => {
                    let v = values.get(*value).copied().unwrap_or(0);
                    let mut out = String::new();
                    self.format_value(&mut out, v, ty, spec);
                    chunks.push((false, out));
                }
            }
        }
        let lits: u64 = chunks
            .iter()
            .filter(|c| c.0)
            .map(|c| c.1.len() as u64)
            .sum();
        let has_args = chunks.iter().any(|c| !c.0);
        let first_empty = chunks.first().is_none_or(|c| !c.0 || c.1.is_empty());
        let mut cap = if !has_args {
            lits
        } else if first_empty && lits < 16 {
            0
        } else {
            lits * 2
        };
        let mut len = 0u64;
        let mut text = String::new();
        for (_, c) in &chunks {
            let k = c.len() as u64;
            if k == 0 {
                continue;
            }
            if len + k > cap {
                cap = (cap * 2).max(len + k).max(8);
            }
            len += k;
            text.push_str(c);
        }
        (text, cap)
    }

    /// Drops the Vecs inside the value at `addr`, in the order of its drop glue. The glue
    /// of a recursive value (a linked list) goes as deep as the data: the work waits on an
    /// explicit stack, not on the machine's own, so any length of list is dropped.
    fn drop_glue(&mut self, addr: u64, glue: u32) {
        let mut work = vec![DropWork::Glue {
            addr,
            glue,
            next: 0,
        }];
        while let Some(item) = work.pop() {
            match item {
                DropWork::FreeBox(p) => self.dealloc(p),
                DropWork::FreeVec(vec) => self.drop_vec(vec),
                DropWork::Glue { addr, glue, next } => {
                    self.drop_entries(addr, glue, next, &mut work)
                }
            }
        }
    }

    /// Runs glue `glue`'s entries from `next` on for the value at `addr`; at the first
    /// that holds a value with its own glue, leaves the rest of this glue, then what comes
    /// after that value (freeing its block), then the value's glue, on `work` and returns.
    fn drop_entries(&mut self, addr: u64, glue: u32, next: usize, work: &mut Vec<DropWork>) {
        let n = self.p.glues.get(glue as usize).map_or(0, Vec::len);
        for k in next..n {
            let off = self.p.glues[glue as usize][k];
            let rest = DropWork::Glue {
                addr,
                glue,
                next: k + 1,
            };
            let high =
                crate::types::BOX_DROP | crate::types::OPTION_DROP | crate::types::ELEMS_DROP;
            if off & high == 0 && off & crate::types::BOXED_DROP != 0 {
                // A Box whose value owns memory: the value's drop, then the Box's block.
                let i = (off & !crate::types::BOXED_DROP) as usize;
                let Some((boff, g)) = self.p.box_glues.get(i).copied() else {
                    continue;
                };
                if !self.manual {
                    let w = self.pw();
                    let p = self.read(addr + boff as u64, w) as u32;
                    if self.st.block_at(p).is_some_and(|(_, b)| !b.freed) {
                        work.push(rest);
                        work.push(DropWork::FreeBox(p));
                        work.push(DropWork::Glue {
                            addr: p as u64,
                            glue: g,
                            next: 0,
                        });
                        return;
                    }
                }
                continue;
            }
            if off & (crate::types::BOX_DROP | crate::types::OPTION_DROP) == 0
                && off & crate::types::ELEMS_DROP != 0
            {
                // A Vec whose elements own memory: each element, then the block.
                let i = (off & !crate::types::ELEMS_DROP) as usize;
                let Some((voff, size, g)) = self.p.elem_glues.get(i).copied() else {
                    continue;
                };
                let vec = addr + voff as u64;
                work.push(rest);
                work.push(DropWork::FreeVec(vec));
                if !self.manual {
                    let (p, len, _) = self.meta(vec);
                    for k in (0..len).rev() {
                        work.push(DropWork::Glue {
                            addr: p + k * size as u64,
                            glue: g,
                            next: 0,
                        });
                    }
                }
                return;
            }
            if off & crate::types::BOX_DROP == 0 && off & crate::types::OPTION_DROP != 0 {
                // An Option that owns memory when it is `Some`.
                let i = (off & !crate::types::OPTION_DROP) as usize;
                let Some(g) = self.p.option_glues.get(i).copied() else {
                    continue;
                };
                let some = match g.disc {
                    crate::types::Disc::Tag => self.read(addr + g.off as u64, 1) != 0,
                    crate::types::Disc::Niche { off, size, value } => {
                        self.read(addr + (g.off + off) as u64, size) != value
                    }
                };
                if some {
                    work.push(rest);
                    work.push(DropWork::Glue {
                        addr: addr + g.payload as u64,
                        glue: g.glue,
                        next: 0,
                    });
                    return;
                }
                continue;
            }
            if off & crate::types::BOX_DROP != 0 {
                if !self.manual {
                    let w = self.pw();
                    let p = self.read(addr + (off & !crate::types::BOX_DROP) as u64, w) as u32;
                    if self.st.block_at(p).is_some_and(|(_, b)| !b.freed) {
                        self.dealloc(p);
                    }
                }
                continue;
            }
            self.drop_vec(addr + off as u64);
        }
    }

    /// A clone of the value at `src` made at `dst` by clone glue `glue`, as `Clone` makes it:
    /// parts in declaration order; a Vec's or String's new block holds exactly its length
    /// (allocated before its elements are cloned into it), a Box's new block is allocated
    /// before its value is cloned into it. Like dropping, the work waits on a list of its
    /// own, so a long list is cloned without deep recursion in the engine.
    fn clone_value(
        &mut self,
        src: u64,
        dst: u64,
        glue: u32,
        label: u32,
        at: u32,
    ) -> Result<(), Stop> {
        let span = self.span(at);
        let mut work = vec![CloneWork::Steps {
            glue,
            src,
            dst,
            next: 0,
        }];
        while let Some(item) = work.pop() {
            let (glue, src, dst, next) = match item {
                CloneWork::Buffer { dst, block, len } => {
                    self.write_meta(dst, block, len, len);
                    continue;
                }
                CloneWork::Boxed { dst, block } => {
                    let w = self.pw();
                    self.write(dst, block, w);
                    continue;
                }
                CloneWork::Steps {
                    glue,
                    src,
                    dst,
                    next,
                } => (glue, src, dst, next),
            };
            let n = self.p.clone_glues.get(glue as usize).map_or(0, Vec::len);
            for k in next..n {
                let step = self.p.clone_glues[glue as usize][k];
                let rest = CloneWork::Steps {
                    glue,
                    src,
                    dst,
                    next: k + 1,
                };
                match step {
                    CloneStep::Bytes { off, size } => {
                        self.copy_bytes(src + off as u64, dst + off as u64, size);
                    }
                    CloneStep::Buffer {
                        off,
                        elem,
                        align,
                        elems,
                    } => {
                        let (p, len, _) = self.meta(src + off as u64);
                        let at = dst + off as u64;
                        if len == 0 {
                            self.write_meta(at, align.max(1) as u64, 0, 0);
                            continue;
                        }
                        let block = self.alloc(len, elem, label, span, "clone")? as u64;
                        if elems == u32::MAX {
                            self.copy_bytes(p, block, len as u32 * elem);
                            self.write_meta(at, block, len, len);
                            continue;
                        }
                        work.push(rest);
                        work.push(CloneWork::Buffer {
                            dst: at,
                            block,
                            len,
                        });
                        for i in (0..len).rev() {
                            work.push(CloneWork::Steps {
                                glue: elems,
                                src: p + i * elem as u64,
                                dst: block + i * elem as u64,
                                next: 0,
                            });
                        }
                        break;
                    }
                    CloneStep::Boxed {
                        off,
                        size,
                        align,
                        value,
                    } => {
                        let w = self.pw();
                        let p = self.read(src + off as u64, w);
                        let at = dst + off as u64;
                        if size == 0 {
                            self.write(at, align as u64, w);
                            continue;
                        }
                        let a = align.max(1);
                        let block = self.alloc((size / a) as u64, a, label, span, "clone")? as u64;
                        if value == u32::MAX {
                            self.copy_bytes(p, block, size);
                            self.write(at, block, w);
                            continue;
                        }
                        work.push(rest);
                        work.push(CloneWork::Boxed { dst: at, block });
                        work.push(CloneWork::Steps {
                            glue: value,
                            src: p,
                            dst: block,
                            next: 0,
                        });
                        break;
                    }
                    CloneStep::Option {
                        off,
                        payload,
                        disc,
                        value,
                    } => {
                        let (some, tag) = match disc {
                            crate::types::Disc::Tag => (self.read(src + off as u64, 1) != 0, true),
                            crate::types::Disc::Niche {
                                off: n,
                                size,
                                value,
                            } => (self.read(src + (off + n) as u64, size) != value, false),
                        };
                        if !some {
                            match disc {
                                crate::types::Disc::Tag => self.write(dst + off as u64, 0, 1),
                                crate::types::Disc::Niche {
                                    off: n,
                                    size,
                                    value,
                                } => self.write(dst + (off + n) as u64, value, size),
                            }
                            continue;
                        }
                        if tag {
                            self.write(dst + off as u64, 1, 1);
                        }
                        work.push(rest);
                        work.push(CloneWork::Steps {
                            glue: value,
                            src: src + payload as u64,
                            dst: dst + payload as u64,
                            next: 0,
                        });
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// `[value; count]`: the first element's bytes, written into the next `count - 1`.
    fn fill(&mut self, addr: u64, size: u32, count: u32) {
        let (r, a) = split(addr);
        let first: Vec<u8> = (0..size)
            .map(|i| self.st.read_uint(r, a + i, 1) as u8)
            .collect();
        let bytes: Vec<u8> = first
            .iter()
            .copied()
            .cycle()
            .take(size as usize * (count as usize - 1))
            .collect();
        self.st.write(r, a + size, &bytes);
        self.log.write(r, a + size, &bytes);
    }

    /// `place op= b` for the place at `addr`: reads it, applies `op` with Rust's checks and
    /// writes the result back.
    fn arith_at(&mut self, addr: u64, op: Arith, ty: IntTy, b: u64, at: u32) -> Result<(), Stop> {
        let ptr = self.p.ptr;
        let size = ty.size(ptr);
        let a = self.load(
            addr,
            Scalar {
                size: size as u8,
                signed: ty.signed(),
            },
        );
        let r = arith(op, ty, a, b, ptr).map_err(|m| panic_at(m, self.span(at)))?;
        self.write(addr, r, size);
        Ok(())
    }

    /// The heap address of element `idx` of the Vec at `vec`, or the bounds-check panic.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn vec_index(&self, vec: u64, idx: u64, elem: u8, at: u32, write: bool) -> Result<u64, Stop> {
        // The pointer and the length (the capacity is not needed): with 64-bit pointers,
        // both from one sixteen-byte slice.
        let w = self.pw();
        let (r, at_vec) = split(vec);
        let a = at_vec as usize;
        let both = if w == 8 {
            self.st
                .bytes(r)
                .get(a..a + 16)
                .and_then(|s| <[u8; 16]>::try_from(s).ok())
        } else {
            None
        };
        let (p, len) = match both {
            Some(b) => {
                let v = u128::from_le_bytes(b);
                (v as u64, (v >> 64) as u64)
            }
            None => (self.read(vec, w), self.read(vec + w as u64, w)),
        };
        if idx >= len {
            return Err(self.index_out_of_bounds(len, idx, at));
        }
        let addr = p + idx * elem as u64;
        if self.checked {
            let access = if write { Access::Write } else { Access::Read };
            self.check_heap(Some(vec), addr as u32, elem as u32, access, self.span(at))?;
        }
        Ok(addr)
    }

    #[cold]
    fn index_out_of_bounds(&self, len: u64, idx: u64, at: u32) -> Stop {
        panic_at(
            format!("index out of bounds: the len is {len} but the index is {idx}"),
            self.span(at),
        )
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn load(&self, addr: u64, ty: Scalar) -> u64 {
        // Fast path: eight bytes from the address lie inside the array; shift the value to
        // the top and back, which keeps its `size` bytes and sign- or zero-extends them.
        let (r, a) = split(addr);
        let a = a as usize;
        if let Some(word) = self
            .st
            .bytes(r)
            .get(a..a + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
        {
            if ty.size != 0 && ty.size <= 8 {
                let shift = 64 - 8 * ty.size as u32;
                let v = u64::from_le_bytes(word) << shift;
                return if ty.signed {
                    ((v as i64) >> shift) as u64
                } else {
                    v >> shift
                };
            }
        }
        let v = self.read(addr, ty.size as u32);
        if ty.signed && ty.size < 8 {
            let shift = 64 - ty.size as u32 * 8;
            (((v << shift) as i64) >> shift) as u64
        } else {
            v
        }
    }

    /// Pushes a frame for `func`: its record (with where the caller goes on, `ret`: op index
    /// and frame base), its ownership flags, and the trace's call event.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn enter(&mut self, func: u32, base: u32, slot: u32, slot_size: u32, ret: (u32, u32)) {
        self.sync_site();
        let flags_base = self.owned.len();
        if self.uses_flags.get(func as usize).copied().unwrap_or(false) {
            self.give_flags(func, flags_base);
        }
        self.st.frames.push(FrameRec {
            ret_pc: ret.0,
            ret_fb: ret.1,
            regs_base: self.regs.len() as u32,
            flags_base: flags_base as u32,
            ..FrameRec::new(func, base, slot, slot_size)
        });
        self.log.call(func, base);
        self.settled = self.st.step;
    }

    /// The ownership flags of a frame of `func` that uses them, from `flags_base` on: its
    /// owning parameters own their values.
    #[inline(never)]
    fn give_flags(&mut self, func: u32, flags_base: usize) {
        if let Some(f) = self.p.functions.get(func as usize) {
            self.owned.resize(flags_base + f.locals.len(), false);
            for &l in &f.owning_params {
                self.owned[flags_base + l as usize] = true;
            }
        }
    }

    /// After formatting: an error if a value had Boxes nested too deep to print.
    fn printed_in_depth(&self) -> Result<(), Stop> {
        if !self.print_too_deep.replace(false) {
            return Ok(());
        }
        Err(Stop {
            kind: DiagnosticKind::Unsupported,
            message: format!(
                "printing a value with more than {MAX_PRINTED_BOXES} Boxes or Vecs nested inside each other is not supported yet"
            ),
            span: self.site_span(),
            notes: Vec::new(),
            labels: Vec::new(),
            memory: None,
        })
    }

    fn format(&mut self, format: u32, args: u8) -> String {
        let n = args as usize;
        let start = self.regs.len().saturating_sub(n);
        let values: Vec<u64> = self.regs.drain(start..).collect();
        let mut out = String::new();
        let pieces = &self.p.formats[format as usize];
        for piece in pieces {
            match piece {
                FmtPiece::Lit(s) => out.push_str(s),
                FmtPiece::Arg { value, spec, ty } => {
                    let v = values.get(*value).copied().unwrap_or(0);
                    self.format_value(&mut out, v, ty, spec);
                }
            }
        }
        out
    }

    fn format_value(&self, out: &mut String, v: u64, ty: &Ty, spec: &Spec) {
        let ptr = self.p.ptr;
        match ty {
            Ty::Int(i) => write_int(out, value_of(v, *i), i.bits(ptr), spec),
            Ty::Bool => write_bool(out, v != 0, spec),
            Ty::Vec(elem) | Ty::SliceRef(elem) | Ty::SliceMut(elem) => {
                let (p, len, _) = self.meta(v);
                let esize = elem.size(ptr);
                let elem = (**elem).clone();
                // Vecs of values that own Vecs nest as deep as the data (a struct that holds
                // itself in a Vec): counted with the Boxes.
                let depth = self.print_boxes.get();
                if elem.is_mem() && depth >= MAX_PRINTED_BOXES {
                    self.print_too_deep.set(true);
                    return;
                }
                self.print_boxes.set(depth + elem.is_mem() as u32);
                write_list(out, len as usize, spec, |o, k| {
                    let a = p + k as u64 * esize as u64;
                    if elem.is_mem() {
                        return self.format_value(o, a, &elem, spec);
                    }
                    let raw = self.read(a, esize);
                    match &elem {
                        Ty::Int(i) => {
                            let c = canon(raw, *i, ptr);
                            write_int(o, value_of(c, *i), i.bits(ptr), spec)
                        }
                        Ty::Char => self.format_value(o, raw, &Ty::Char, spec),
                        _ => write_bool(o, raw != 0, spec),
                    }
                });
                self.print_boxes.set(depth);
            }
            Ty::Ref(_, inner) => {
                // A reference prints what it points to.
                let v = match &**inner {
                    Ty::Int(i) => canon(self.read(v, i.size(ptr)), *i, ptr),
                    Ty::Char => self.read(v, 4),
                    Ty::Bool => self.read(v, 1),
                    Ty::Ref(..) => self.read(v, ptr.bytes()),
                    _ => v,
                };
                self.format_value(out, v, inner, spec);
            }
            Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) => {
                let read = |a: u64, t: &Ty| -> u64 {
                    match t {
                        Ty::Int(i) => {
                            let raw = self.read(a, i.size(ptr));
                            canon(raw, *i, ptr)
                        }
                        Ty::Bool => self.read(a, 1),
                        Ty::Char => self.read(a, 4),
                        Ty::Ref(..) => self.read(a, ptr.bytes()),
                        // Memory values are passed by address.
                        _ => a,
                    }
                };
                crate::format::write_debug(out, v, ty, ptr, spec, &read, &|o, v, t, s| {
                    self.format_value(o, v, t, s)
                });
            }
            Ty::Box(inner) => {
                // A Box prints what it points to: read its pointer, then as a reference.
                // Boxes can nest as deep as the data (a long list): past a limit the
                // printing stops, and the run with it (see `printed_in_depth`).
                let depth = self.print_boxes.get();
                if depth >= MAX_PRINTED_BOXES {
                    self.print_too_deep.set(true);
                    return;
                }
                self.print_boxes.set(depth + 1);
                let p = self.read(v, ptr.bytes());
                self.format_value(out, p, &Ty::Ref(false, inner.clone()), spec);
                self.print_boxes.set(depth);
            }
            Ty::Char => {
                let c = char::from_u32(v as u32).unwrap_or('\u{fffd}');
                crate::format::write_text(out, c.encode_utf8(&mut [0u8; 4]), Some('\''), spec);
            }
            Ty::String | Ty::StrRef => {
                // `v` is the address of the pointer and length (a String's or a &str's).
                let w = ptr.bytes();
                let (p, len) = (self.read(v, w), self.read(v + w as u64, w));
                let bytes: Vec<u8> = (0..len.min(1 << 24))
                    .map(|i| self.read(p + i, 1) as u8)
                    .collect();
                let text = String::from_utf8_lossy(&bytes);
                crate::format::write_text(out, &text, Some('"'), spec);
            }
            Ty::Option(inner) => {
                // `v` is the Option's address: `None`, or `Some(..)` around its payload.
                let Some(l) = crate::types::option_layout(ty, ptr) else {
                    return;
                };
                let some = match l.disc {
                    crate::types::Disc::Tag => self.read(v, 1) != 0,
                    crate::types::Disc::Niche { off, size, value } => {
                        self.read(v + off as u64, size) != value
                    }
                };
                if !some {
                    out.push_str("None");
                    return;
                }
                let a = v + l.payload as u64;
                let pv = match &**inner {
                    Ty::Int(i) => canon(self.read(a, i.size(ptr)), *i, ptr),
                    Ty::Bool => self.read(a, 1),
                    Ty::Char => self.read(a, 4),
                    Ty::Ref(..) => self.read(a, ptr.bytes()),
                    _ => a,
                };
                let mut s = String::new();
                self.format_value(&mut s, pv, inner, spec);
                crate::format::write_variant(out, "Some", &s, spec.alternate);
            }
            _ => {}
        }
    }
}

/// Where a run's setting `key` (as the settings comment spells it) is raised: the program's
/// settings comment, the page's settings or the CLI's flag of the same name.
fn where_to_set(key: &str) -> String {
    format!(
        "`// stackheap: {key}=...` at the top of the program (or in the page's settings, or with the CLI's `--{key}`)"
    )
}

/// `n` with its digits in groups of three, as people read counts: `1,000,000`.
fn digit_groups(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 128-bit forms `arith` used before its 64-bit fast paths, as a reference.
    fn reference(op: Arith, ty: IntTy, a: u64, b: u64, ptr: PtrWidth) -> Result<u64, &'static str> {
        let (x, y) = (value_of(a, ty), value_of(b, ty));
        let (min, max) = (ty.min(ptr), ty.max(ptr));
        let checked = |r: Option<i128>, msg: &'static str| match r {
            Some(r) if r >= min && r <= max => Ok(canon(r as u64, ty, ptr)),
            _ => Err(msg),
        };
        match op {
            Arith::Add => checked(x.checked_add(y), "attempt to add with overflow"),
            Arith::Sub => checked(x.checked_sub(y), "attempt to subtract with overflow"),
            Arith::Mul => checked(x.checked_mul(y), "attempt to multiply with overflow"),
            Arith::Div if y == 0 => Err("attempt to divide by zero"),
            Arith::Div => checked(x.checked_div(y), "attempt to divide with overflow"),
            Arith::Rem if y == 0 => {
                Err("attempt to calculate the remainder with a divisor of zero")
            }
            Arith::Rem if ty.signed() && x == min && y == -1 => {
                Err("attempt to calculate the remainder with overflow")
            }
            Arith::Rem => Ok(canon((x % y) as u64, ty, ptr)),
            Arith::WrappingAdd => Ok(canon(x.wrapping_add(y) as u64, ty, ptr)),
            Arith::WrappingSub => Ok(canon(x.wrapping_sub(y) as u64, ty, ptr)),
            Arith::WrappingMul => Ok(canon(x.wrapping_mul(y) as u64, ty, ptr)),
            _ => unreachable!(),
        }
    }

    #[test]
    fn counts_are_written_in_groups_of_three_digits() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1_000_000, "1,000,000"),
        ];
        for (n, text) in cases {
            assert_eq!(digit_groups(n), text);
        }
        assert_eq!(digit_groups(12_345_678), "12,345,678");
    }

    #[test]
    fn fast_arith_matches_128_bit_forms() {
        use IntTy::*;
        let ops = [
            Arith::Add,
            Arith::Sub,
            Arith::Mul,
            Arith::Div,
            Arith::Rem,
            Arith::WrappingAdd,
            Arith::WrappingSub,
            Arith::WrappingMul,
        ];
        for ptr in [PtrWidth::W32, PtrWidth::W64] {
            for ty in [I8, I16, I32, I64, Isize, U8, U16, U32, U64, Usize] {
                let (min, max) = (ty.min(ptr), ty.max(ptr));
                let mut vals: Vec<i128> = vec![0, 1, 2, 3, 7, 100, min, max, min + 1, max - 1];
                if ty.signed() {
                    vals.extend([-1, -2, -7, -100]);
                }
                let vals: Vec<u64> = vals
                    .into_iter()
                    .filter(|v| *v >= min && *v <= max)
                    .map(|v| canon(v as u64, ty, ptr))
                    .collect();
                for op in ops {
                    for &a in &vals {
                        for &b in &vals {
                            assert_eq!(
                                arith(op, ty, a, b, ptr),
                                reference(op, ty, a, b, ptr),
                                "{op:?} {ty:?} {a} {b} {ptr:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}
