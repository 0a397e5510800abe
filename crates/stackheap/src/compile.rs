//! From checked syntax tree to the machine's code: lays out every frame on the stack (locals
//! are given stack bytes as they are declared), turns expressions into register operations,
//! places a step marker before each statement and condition, and checks ownership (use after
//! move, E0382) along the way.

use crate::maps::{IdMap, SortedMap};

use crate::ast::*;
use crate::check::{self, CharFn, Checked, FormatSource, LocalId, Method, Res, SelfMode, TextWalk};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::event::StepKind;
use crate::format::{Piece, Spec};
use crate::lexer;
use crate::optimize::{Dst, Kinds, Src, VecFlags};
use crate::parser;
use crate::settings::{PtrWidth, Settings};
use crate::span::{LineIndex, Span};
use crate::types::{option_layout, Disc, IntTy, Ty};

/// Integer operations that can panic or wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    /// The flag tells whether the shift amount's type is signed.
    Shl(bool),
    Shr(bool),
    WrappingAdd,
    WrappingSub,
    WrappingMul,
    Pow,
    Min,
    Max,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// How to read a scalar from memory: its size and whether to sign-extend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scalar {
    pub size: u8,
    pub signed: bool,
}

impl Scalar {
    /// An address (a reference, a `Box`, a Vec's pointer) or a `usize`: pointer-sized,
    /// unsigned.
    pub fn address(ptr: PtrWidth) -> Scalar {
        Scalar {
            size: ptr.bytes() as u8,
            signed: false,
        }
    }
}

/// One machine operation. Registers hold 64-bit values (signed integers sign-extended);
/// stack addresses in registers carry [`STACK_TAG`]. `at` fields index [`Program::spans`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Step(u32),
    Const(u64),
    Load {
        off: u32,
        ty: Scalar,
    },
    Store {
        off: u32,
        size: u8,
    },
    LoadAt(Scalar),
    /// Pops an address, then a value, and writes the value there.
    StoreAt(u8),
    AddrLocal(u32),
    AddrRet,
    Pop,
    /// Exchanges the two values on top of the registers.
    Swap,
    Arith {
        op: Arith,
        ty: IntTy,
        at: u32,
    },
    /// Pops the operand, an address, applies `op` in place: `place op= operand`.
    ArithAt {
        op: Arith,
        ty: IntTy,
        at: u32,
    },
    Cmp {
        op: Cmp,
        signed: bool,
    },
    Neg {
        ty: IntTy,
        at: u32,
    },
    Abs {
        ty: IntTy,
        at: u32,
    },
    Not(IntTy),
    NotBool,
    Cast(IntTy),
    Jump(u32),
    JumpIfFalse(u32),
    JumpIfTrue(u32),
    /// `stack_length = frame base + offset`.
    SetStack(u32),
    Call {
        func: u32,
        base: u32,
        slot: u32,
        slot_size: u32,
    },
    /// Pops a value and writes it into the caller's return slot.
    StoreRet(u8),
    Return,
    /// Pops a source address, then a destination, and copies `size` bytes.
    Copy(u32),
    VecNew {
        align: u8,
    },
    VecWithCapacity {
        elem: u8,
        label: u32,
        at: u32,
    },
    /// Pops a destination; allocates `n` elements and pushes the block's address.
    VecAllocLiteral {
        n: u32,
        elem: u8,
        label: u32,
        at: u32,
    },
    /// Pops a value and writes element `index` of the block whose address is on top.
    VecInitElement {
        index: u32,
        elem: u8,
    },
    /// Pops the block address and the destination and writes the metadata (len = cap = n).
    VecFinishLiteral {
        n: u32,
        elem: u8,
    },
    /// Pops a count, a value and a destination.
    VecRepeat {
        elem: u8,
        label: u32,
        at: u32,
    },
    /// Pops a value and a Vec's address.
    VecPush {
        elem: u8,
        label: u32,
        at: u32,
    },
    /// Pops a Vec's address and pushes metadata field 1 (len) or 2 (capacity).
    VecField(u8),
    /// Pops an index and a Vec's address; pushes the element's heap address.
    VecIndex {
        elem: u8,
        at: u32,
    },
    /// Manual mode: pops a byte count, allocates that many bytes, pushes the heap index.
    Alloc {
        at: u32,
        label: u32,
    },
    /// Manual mode: pops a Vec's address and frees its buffer.
    DeallocVec {
        at: u32,
    },
    /// Manual mode: pops a heap index and frees the block that starts there.
    DeallocRaw {
        at: u32,
    },
    /// Manual mode: pops an index into `stack_bytes` or `heap_bytes`, pushes its address.
    RawAddr {
        stack: bool,
        at: u32,
    },
    /// Frees the buffer of the Vec at a local if the local still owns it.
    DropLocal {
        off: u32,
        local: u32,
    },
    /// Pops a Vec's address and frees its buffer.
    DropAt,
    SetOwned {
        local: u32,
        owned: bool,
    },
    /// Pushes whether the local still owns its value (1) or not (0).
    IsOwned {
        local: u32,
    },
    /// The Vec at a local now owns its buffer: relabel the block.
    Own {
        off: u32,
        label: u32,
    },
    /// The Box at a local now owns its block: relabel the block.
    OwnBox {
        off: u32,
        label: u32,
    },
    Print {
        format: u32,
        args: u8,
        stderr: bool,
    },
    Panic {
        format: u32,
        args: u8,
        at: u32,
    },
    // Forms made by `optimize.rs` out of sequences of the ops above; each does exactly what
    // its sequence does, with the same events in the same order. An operand is given by its
    // kind (`Src`) and a number: a local at that frame offset (read as the op's type), an
    // immediate (zero- or sign-extended), the accumulator (left by the op just before) or
    // the top register (popped); a result goes where its `Dst` says: into a local, the
    // accumulator, a new register or the caller's return slot. `Kinds` packs an op's
    // operand and result kinds into one byte, and whether a `Step` comes first (its site in
    // `Program::step_sites`, at the op's index).
    /// `a op b` with Rust's checks, as `Arith { op, ty, at }` does for the integer type
    /// whose size and signedness `ty` gives.
    Bin {
        op: Arith,
        ty: Scalar,
        k: Kinds,
        a: u32,
        b: u32,
        d: u32,
        at: u32,
    },
    /// Jumps to `target` unless `a op b` (`Cmp { op, signed }` then `JumpIfFalse`); locals
    /// are read as `ty`.
    CmpJump {
        op: Cmp,
        signed: bool,
        ty: Scalar,
        k: Kinds,
        a: u32,
        b: u32,
        target: u32,
    },
    /// `Step(site)` then `CmpJump { .. }`.
    StepCmpJump {
        site: u32,
        op: Cmp,
        signed: bool,
        ty: Scalar,
        k: Kinds,
        a: u32,
        b: u32,
        target: u32,
    },
    /// Copies a value (from `k`'s `a`, to its result): reads it as `ty`, writes its low
    /// `size` bytes.
    Mov {
        ty: Scalar,
        size: u8,
        k: Kinds,
        s: u32,
        d: u32,
    },
    /// `SetStack(len)`, then `Mov { ty, size, sk, s, .. }` into the local at `d`: a `let`.
    /// With `step`, the `Step` of `Program::step_sites` first.
    LetMov {
        len: u32,
        ty: Scalar,
        size: u8,
        sk: Src,
        s: u32,
        d: u32,
        step: bool,
    },
    /// Reads element `idx` (a `usize`, plus or minus `off` as `VecFlags` says) of the Vec
    /// at the local `vec` (or of the Vec the local points to), as `AddrLocal`/`Load`, the
    /// index, `VecIndex { elem, at }` and `LoadAt(ty)` do. The index's `+ off` or `- off`
    /// has the span `at - 1` (the optimiser fuses it only then).
    VecGet {
        vec: u32,
        f: VecFlags,
        off: u8,
        elem: u8,
        ty: Scalar,
        ik: Src,
        idx: u32,
        dk: Dst,
        d: u32,
        at: u32,
    },
    /// `VecGet` of element `idx` (a local) into the accumulator, then `CmpJump` of the
    /// popped register against it: jumps to `target` unless `popped op element` (compared
    /// as the element type `ty` is signed or not).
    VecGetCmpJump {
        vec: u32,
        f: VecFlags,
        off: u8,
        elem: u8,
        ty: Scalar,
        idx: u32,
        op: Cmp,
        target: u32,
        at: u32,
    },
    /// Writes `val` (its low `size` bytes) into element `idx` of a Vec (as `VecGet` finds
    /// it), as the value, the Vec's address, the index, `VecIndex` and `StoreAt` do.
    VecSet {
        vec: u32,
        f: VecFlags,
        off: u8,
        elem: u8,
        size: u8,
        ik: Src,
        idx: u32,
        vk: Src,
        val: u32,
        at: u32,
    },
    /// `SetStack(first)` then `SetStack(second)`.
    SetStack2 {
        first: u32,
        second: u32,
    },
    /// `Step(site)`, then `SetStack2 { first, second }`.
    StepSetStack2 {
        site: u32,
        first: u32,
        second: u32,
    },
    /// A `for` loop over a range `cur..end` of the scalar type `ty`: `Step(site)`, then
    /// while `cur < end`, `var = cur` and `cur += 1` (wrapping). Not `back`: goes on at
    /// `target` when the range is done (the loop's head); `back`: goes on at `target` when
    /// it is not (the same test at the end of the body, the loop rotated).
    StepForRange {
        site: u32,
        cur: u32,
        end: u32,
        var: u32,
        ty: Scalar,
        back: bool,
        target: u32,
    },
    /// `Call { func, base, slot, slot_size }` of the function whose code starts at `entry`
    /// (what `optimize::link` makes of every `Call`).
    Enter {
        func: u32,
        entry: u32,
        base: u32,
        slot: u32,
        slot_size: u32,
    },
    /// `Step(site)` then `Return`.
    StepReturn(u32),
    /// `Step(site)` then `Jump(target)`.
    StepJump {
        site: u32,
        target: u32,
    },
    // Structs, tuples and arrays.
    /// Pops an address and pushes it plus `n` (a field's offset).
    Offset(u32),
    /// Drops the Vecs inside the value at a local (its `glue`), if the local still owns it.
    DropGlueLocal {
        off: u32,
        local: u32,
        glue: u32,
    },
    /// Pops a value's address and drops the Vecs inside it (its `glue`).
    DropGlueAt(u32),
    /// Pops an index and an array's address; pushes the element's address, or panics with
    /// the bounds-check message when the index is not below `len`.
    ArrayIndex {
        len: u32,
        elem: u32,
        at: u32,
    },
    /// Pops an address; copies the `size` bytes there into the `count - 1` places after
    /// them (`[value; count]`).
    Fill {
        size: u32,
        count: u32,
    },
    /// Pops an address and pushes it as a reference stores it: a stack address tagged with
    /// the top bit of a pointer (bit 31 at pointer width 32, bit 63 at 64).
    ToRef,
    /// Like `VecInitElement` for an element in memory: pops the address of its bytes.
    VecInitCopy {
        index: u32,
        elem: u8,
    },
    /// Like `VecPush` for an element in memory: pops the address of its bytes, then the
    /// Vec's address.
    VecPushCopy {
        elem: u8,
        label: u32,
        at: u32,
    },
    /// `Vec::pop`: pops a Vec's address; if it is empty pushes 0, else lowers its length and
    /// pushes the last element's heap address, then 1.
    VecPop {
        elem: u8,
    },
    /// Pops a destination and writes a `&str` to the literal at `off` in the read-only block.
    StrLit {
        off: u32,
        len: u32,
    },
    /// Pops the address of a `&str` (or a `String`), then a destination: a new `String` with
    /// a copy of the bytes (capacity = length; nothing allocated when empty).
    StringFrom {
        label: u32,
        at: u32,
    },
    /// Pops the address of a `&str` (or a `String`) and a `String`'s address; appends the
    /// bytes, growing the block as a `Vec<u8>` grows.
    StringPushStr {
        label: u32,
        at: u32,
    },
    /// Pops a `char` and a `String`'s address; appends its UTF-8 bytes.
    StringPushChar {
        label: u32,
        at: u32,
    },
    /// `Box::new`: pops the address of the value's bytes, then a destination; allocates a
    /// block for them, copies them in and writes its address at the destination.
    BoxNew {
        size: u32,
        align: u32,
        label: u32,
        at: u32,
    },
    /// `&base[start..end]`: pops the end (when `has_end`), the start, the base's address and
    /// a destination; checks the range as Rust does (panicking with its messages) and writes
    /// the slice's pointer and length. The base is an array of `array_len` elements at the
    /// address, or (`array_len` `u32::MAX`) a Vec or slice whose pointer and length are there.
    MakeSlice {
        elem: u32,
        array_len: u32,
        has_end: bool,
        inclusive: bool,
        at: u32,
    },
    /// `x.to_string()` of an integer, `bool` or `char`: pops the value (formatted with
    /// `format`), then a destination. The capacity is `digits` (plus one for a minus sign)
    /// for signed integers, the length otherwise.
    ScalarToString {
        format: u32,
        digits: u8,
        label: u32,
        at: u32,
    },
    /// Pops a byte index and a `&str`'s address; decodes the UTF-8 `char` there and pushes
    /// its byte length, then the `char`.
    CharAt,
    /// Pops the addresses of two strings (pointer and length each) and pushes whether their
    /// bytes are equal.
    StrEq,
    /// `.clone()` of a `Vec` or `String`: pops its address, then a destination; allocates
    /// exactly its length, copies the elements' bytes and writes the new metadata.
    CloneBuffer {
        elem: u8,
        align: u8,
        label: u32,
        at: u32,
    },
    /// `&text[start..end]`: pops the end (when `has_end`), the start, the address of a
    /// `String` or `&str` and a destination; checks the range as `str` does (bounds and
    /// char boundaries, panicking with its messages) and writes the `&str`.
    StrSlice {
        has_end: bool,
        inclusive: bool,
        at: u32,
    },
    /// Pops the address of a `String` or `&str` and pushes how many `char`s its text has.
    StrCharCount,
    /// Pops a pattern (a `char`, or the address of a `&str`) and the address of a text;
    /// pushes whether the text starts with, ends with or contains it.
    StrFind {
        kind: StrMatch,
        char_pat: bool,
    },
    /// Pops the address of a text and a destination; writes the `&str` of the text without
    /// the whitespace at its start and end.
    StrTrim,
    /// Pops the address of a text and a destination; writes a new `String` of the (ASCII)
    /// text in upper or lower case, its capacity the text's length.
    StrChangeCase {
        upper: bool,
        label: u32,
        at: u32,
    },
    /// Pops a `Vec`'s or `String`'s address and sets its length to 0 (the block stays).
    Clear,
    /// `String::pop`: pops a `String`'s address and a destination; writes `Some` of the last
    /// `char` (removing it) or `None` there, an `Option<char>`.
    StringPop,
    /// Pops a byte index and a `&str`'s address; decodes the UTF-8 `char` that ends there and
    /// pushes its byte length, then the `char`.
    CharBefore,
    /// A `char` method: pops the radix (for `IsDigit` and `ToDigit`), then the `char`, and
    /// pushes the result (`ToDigit`: the digit, or `u64::MAX` for `None`); an invalid radix
    /// panics at `at` as the standard library does.
    CharFn {
        f: CharFn,
        at: u32,
    },
    /// `.clone()` of a value that owns memory: pops its address, then a destination, and
    /// makes the clone there by clone glue `glue` (`Program::clone_glues`); every block it
    /// allocates is labelled `label`.
    CloneValue {
        glue: u32,
        label: u32,
        at: u32,
    },
    /// `format!`: pops the arguments, then a destination, and writes a new `String`.
    FormatString {
        format: u32,
        args: u8,
        label: u32,
        at: u32,
    },
}

// The interpreter copies an `Op` per instruction: keep it small.
const _: () = assert!(std::mem::size_of::<Op>() <= 24);

/// One step of making a clone (`Program::clone_glues`), for the value at a source and a
/// destination address; parts in declaration order, as `#[derive(Clone)]` clones them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloneStep {
    /// Copy the `size` bytes at `off` (a part that owns nothing).
    Bytes { off: u32, size: u32 },
    /// A `Vec` or `String` at `off`: a new block of exactly its length (elements of `elem`
    /// bytes; `align` is the pointer when it is empty), each element cloned by glue
    /// `elems`, or copied when that is `u32::MAX`.
    Buffer {
        off: u32,
        elem: u32,
        align: u32,
        elems: u32,
    },
    /// A `Box` at `off`: a new block of `size` bytes aligned to `align`, then its value
    /// cloned into it by glue `value` (copied when `u32::MAX`).
    Boxed {
        off: u32,
        size: u32,
        align: u32,
        value: u32,
    },
    /// An `Option` at `off` whose payload owns memory: `Some`'s payload (at `payload`)
    /// cloned by glue `value`, or `None` written.
    Option {
        off: u32,
        payload: u32,
        disc: Disc,
        value: u32,
    },
}

/// What `StrFind` looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrMatch {
    Starts,
    Ends,
    Contains,
}

/// Tag bit of stack addresses in registers.
pub const STACK_TAG: u64 = 1 << 63;

#[derive(Clone, Debug)]
pub struct LocalSlot {
    pub name: String,
    pub ty: Ty,
    pub off: u32,
    pub size: u32,
    pub hidden: bool,
    /// For the drop flag of a part of a struct or tuple local (a field that owns memory,
    /// such as `p.name`): that local and the field's path in views (`name`, `inner.s`,
    /// `0`). Such a slot has no bytes: it only keeps whether that part is still owned.
    pub part_of: Option<(u32, String)>,
}

#[derive(Clone, Debug)]
pub struct FnCode {
    pub name: String,
    /// The function's ops as compiled; `optimize::link` moves them into `Program::code`.
    pub code: Vec<Op>,
    /// Where the function starts in `Program::code`.
    pub entry: u32,
    pub locals: Vec<LocalSlot>,
    /// Locals that own a Vec on entry (the Vec parameters).
    pub owning_params: Vec<u32>,
    pub param_count: u32,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Site {
    pub span: Span,
    pub line: u32,
    pub kind: StepKind,
    pub func: u32,
    /// Locals in scope after the step.
    pub live: Vec<u32>,
}

#[derive(Clone, Debug)]
pub enum FmtPiece {
    Lit(String),
    Arg { value: usize, spec: Spec, ty: Ty },
}

pub struct Program {
    pub functions: Vec<FnCode>,
    /// Every function's ops, one after another (`FnCode::entry`), made by `optimize::link`;
    /// jump targets index it.
    pub code: Vec<Op>,
    /// For each op of `code` that begins with a step of its own (`Kinds::STEP`, or `step`
    /// set), the step's site.
    pub step_sites: Vec<u32>,
    /// Drop glue: for each glue id, the offsets of the Vecs inside a value, in drop order.
    pub glues: Vec<Vec<u32>>,
    /// The string literals' bytes: the read-only block the machine places in the heap
    /// before `main` starts.
    pub rodata: Vec<u8>,
    /// The read-only block's label.
    pub rodata_label: u32,
    /// How to drop owning Options (drop-glue entries flagged `OPTION_DROP`).
    pub option_glues: Vec<crate::types::OptionGlue>,
    /// How to drop the elements of Vecs whose elements own memory (entries flagged
    /// `ELEMS_DROP`): the Vec's offset, the element size, the element's glue.
    pub elem_glues: Vec<(u32, u32, u32)>,
    /// How to drop Boxes whose value owns memory (entries flagged `BOXED_DROP`): the Box's
    /// offset and the value's glue.
    pub box_glues: Vec<(u32, u32)>,
    /// Clone glue: for each glue id, the steps that make a clone of a value that owns memory.
    pub clone_glues: Vec<Vec<CloneStep>>,
    pub sites: Vec<Site>,
    pub spans: Vec<Span>,
    pub formats: Vec<Vec<FmtPiece>>,
    pub labels: Vec<String>,
    pub main: u32,
    pub line_index: LineIndex,
    pub ptr: PtrWidth,
    /// Every struct definition, kept alive for the types that name them (structs of a
    /// cycle hold each other weakly); never read.
    #[allow(dead_code)]
    pub structs: Vec<std::sync::Arc<crate::types::StructDef>>,
}

/// Parses, checks and compiles a program. Returns the program when there were no errors,
/// and every diagnostic found.
pub fn compile(source: &str, settings: &Settings) -> (Option<Program>, Vec<Diagnostic>) {
    let (tokens, mut diags) = lexer::lex(source);
    let (file, mut pdiags) = parser::parse(tokens, settings.ptr_width);
    diags.append(&mut pdiags);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let (checked, mut cdiags) = check::check(
        &file,
        settings.ptr_width,
        settings.mode == crate::settings::MemoryMode::Manual,
    );
    diags.append(&mut cdiags);
    let Some(checked) = checked else {
        return (None, diags);
    };
    let mut g = Gen {
        c: &checked,
        ptr: settings.ptr_width,
        line_index: LineIndex::new(source),
        sites: Vec::new(),
        spans: Vec::new(),
        formats: Vec::new(),
        labels: Vec::new(),
        label_ids: SortedMap::new(),
        diags: Vec::new(),
        f: FnGen::default(),
        manual: settings.mode == crate::settings::MemoryMode::Manual,
        glues: Vec::new(),
        glues_in_progress: Vec::new(),
        rodata: Vec::new(),
        literals: SortedMap::new(),
        format_label: 0,
        rodata_label: 0,
        option_glues: Vec::new(),
        elem_glues: Vec::new(),
        box_glues: Vec::new(),
        clone_glues: Vec::new(),
        clone_in_progress: Vec::new(),
    };
    let mut functions = Vec::new();
    for (i, f) in file.functions.iter().enumerate() {
        functions.push(g.function(i as u32, f));
    }
    diags.append(&mut g.diags);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    if settings.mode != crate::settings::MemoryMode::Manual {
        let mut bdiags = crate::borrowck::check(&file, &checked);
        if !bdiags.is_empty() {
            diags.append(&mut bdiags);
            return (None, diags);
        }
    }
    let program = Program {
        functions,
        code: Vec::new(),
        step_sites: Vec::new(),
        glues: g.glues,
        rodata: g.rodata,
        rodata_label: g.rodata_label,
        option_glues: g.option_glues,
        elem_glues: g.elem_glues,
        box_glues: g.box_glues,
        clone_glues: g.clone_glues,
        sites: g.sites,
        spans: g.spans,
        formats: g.formats,
        labels: g.labels,
        main: checked.main,
        line_index: g.line_index,
        ptr: settings.ptr_width,
        structs: checked.structs,
    };
    (Some(program), diags)
}

/// The label of the heap block that holds the string literals, read-only: the engine's
/// stand-in for a binary's `.rodata` section.
pub const READ_ONLY_LABEL: &str = "string literals (read-only)";

/// What a loop over a pointer and length walks: a string's chars (or bytes), or elements
/// of a size.
#[derive(Clone, Copy)]
enum ViewLoop<'e> {
    Text(&'e Expr, TextWalk),
    Elements(u32),
}

fn align_up(v: u32, a: u32) -> u32 {
    v.div_ceil(a.max(1)) * a.max(1)
}

/// A place inside a local: the indexes of the fields on the way to it (none for the local
/// itself), as in `p.inner.name`.
type FieldPath = Vec<u32>;

/// How a place is used, for rustc's wording of a use after a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    Move,
    Copy,
    Borrow,
}

/// Ownership state of a function's locals at one point of the code.
#[derive(Clone, Debug, Default)]
struct Moves {
    /// For each place that may have been moved out (a local, or a field of one): where.
    moved: SortedMap<(LocalId, FieldPath), Span>,
    /// Locals declared without a value (`let x;`) that may not have one yet; `true` when
    /// they may have one too (given on some paths only).
    uninit: SortedMap<LocalId, bool>,
    /// Code after `return`, `break` or `continue` is never reached.
    dead: bool,
}

impl Moves {
    fn merge(&mut self, other: &Moves) {
        if other.dead {
            return;
        }
        if self.dead {
            *self = other.clone();
            return;
        }
        for (k, v) in &other.moved {
            self.moved.entry(k.clone()).or_insert(*v);
        }
        // A local with no value on one side only may have one.
        let mut uninit = SortedMap::new();
        for (&l, &maybe) in &self.uninit {
            let other_side = other.uninit.get(&l);
            uninit.insert(l, maybe || other_side.is_none_or(|m| *m));
        }
        for &l in other.uninit.keys() {
            uninit.entry(l).or_insert(true);
        }
        self.uninit = uninit;
    }

    /// The local and all its parts hold values again (or the local is gone).
    fn forget(&mut self, l: LocalId) {
        self.moved.retain(|k, _| k.0 != l);
        self.uninit.remove(&l);
    }

    /// The place `path` of `l` and every part of it hold values again.
    fn reinit(&mut self, l: LocalId, path: &[u32]) {
        self.moved
            .retain(|k, _| !(k.0 == l && k.1.starts_with(path)));
    }
}

/// A part of a local that owns memory (a `String` field, a `Vec` inside a field, a field
/// of a Box's value, a Box's block): it has its own drop flag, so that moving it out leaves
/// the rest to be dropped.
#[derive(Clone, Debug)]
struct Part {
    path: FieldPath,
    /// Where the part is: `at[0]` bytes into the local; each further offset is that many
    /// bytes into the block the pointer found so far points to (a part of a Box's value).
    at: Vec<u32>,
    /// The part's type; a Box's block is `Box<()>`, whose drop frees only the block.
    ty: Ty,
    /// The hidden slot whose flag says whether the part is still owned.
    flag: LocalId,
}

/// A use-after-move error whose message names a place only known at the end of the
/// function: rustc names the longest part of the used place that is moved or assigned
/// anywhere in the function.
struct Rename {
    diag: usize,
    local: LocalId,
    used: FieldPath,
    /// The used place's length that is surely named (the moved place's).
    from: usize,
    verb: &'static str,
}

struct LoopGen {
    depth: u32,
    scope_index: usize,
    breaks: Vec<usize>,
    continue_target: u32,
    /// Where a `loop`'s value goes, if it has one.
    dest: Option<Dest>,
    at_break: Moves,
    at_continue: Moves,
    /// First use of each place inside the body, for "moved in previous iteration".
    first_use: Vec<(LocalId, FieldPath, Span, Use)>,
    span: Span,
}

/// A temporary of the current statement that must be dropped at its end: a Vec (`glue`
/// `None`) or a value holding Vecs.
#[derive(Clone, Copy, Debug)]
struct Temp {
    off: u32,
    glue: Option<u32>,
    /// For a part of the value a temporary Box holds: the temporary Box is at `off`, the
    /// part this many bytes into its block.
    via: Option<u32>,
}

#[derive(Default)]
struct FnGen {
    id: u32,
    code: Vec<Op>,
    locals: Vec<LocalSlot>,
    depth: u32,
    /// Locals of each open scope, with the depth at its start.
    scopes: Vec<(Vec<LocalId>, u32)>,
    loops: Vec<LoopGen>,
    /// Vec temporaries of the current statement (their offsets), dropped at its end.
    temps: Vec<Temp>,
    moves: Moves,
    /// Sites whose `live` list is filled in at the end of their statement.
    pending_sites: Vec<u32>,
    /// The variable the current `let` declares, to label what its initializer allocates.
    let_name: Option<String>,
    /// The parts with their own drop flags, of each struct or tuple local holding owners.
    parts: IdMap<Vec<Part>>,
    /// Every place moved out or assigned anywhere in the function so far (and the places
    /// they lie in), in the order first seen.
    move_paths: SortedMap<(LocalId, FieldPath), u32>,
    renames: Vec<Rename>,
    /// Uses are borrows (the arguments of `println!` and friends).
    borrowing: bool,
    /// Where the next use of a place is written, when that is wider than the place: the
    /// whole `&p` of a borrow.
    use_span: Option<Span>,
    /// The place in a Box's value that the next use of its local (or of a place on the way
    /// to it) reaches: reading `b.value` uses `b.value`, not all of `b`, so a field of the
    /// value moved out (`b.next`) conflicts only with uses that reach it.
    box_use: Option<(LocalId, FieldPath, Span)>,
    /// Temporaries made in advance, whose lifetime a `let` extends: their frame offsets,
    /// by expression.
    materialized: IdMap<u32>,
    /// For a Box local whose value may move out (`let p = *b;`): the hidden local that
    /// frees the Box's block where the Box would have been dropped.
    box_shells: IdMap<LocalId>,
    /// Values being made for a `Box::new` whose Box has an owner: the temporary's offset,
    /// its type and the Box's owner, which labels what the value allocates (it is owned
    /// through the Box).
    boxing: Vec<(u32, Ty, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dest {
    Local(u32),
    Ret,
    /// A field of the return slot, at this offset in it.
    RetAt(u32),
}

impl Dest {
    /// The place `off` bytes into this one.
    fn at(self, off: u32) -> Dest {
        match self {
            Dest::Local(o) => Dest::Local(o + off),
            Dest::Ret => Dest::RetAt(off),
            Dest::RetAt(o) => Dest::RetAt(o + off),
        }
    }
}

struct Gen<'a> {
    c: &'a Checked,
    ptr: PtrWidth,
    line_index: LineIndex,
    sites: Vec<Site>,
    spans: Vec<Span>,
    formats: Vec<Vec<FmtPiece>>,
    labels: Vec<String>,
    label_ids: SortedMap<String, u32>,
    diags: Vec<Diagnostic>,
    f: FnGen,
    /// Manual memory mode: a Vec's metadata is plain bytes (no moves), nothing is dropped.
    manual: bool,
    glues: Vec<Vec<u32>>,
    /// Types whose drop glue is being made, with the glue number once one is reserved.
    glues_in_progress: Vec<(Ty, Option<u32>)>,
    /// The bytes of the string literals (the read-only block), each literal once.
    rodata: Vec<u8>,
    literals: SortedMap<Vec<u8>, u32>,
    /// The label of the block the `format!` being compiled allocates.
    format_label: u32,
    rodata_label: u32,
    option_glues: Vec<crate::types::OptionGlue>,
    elem_glues: Vec<(u32, u32, u32)>,
    box_glues: Vec<(u32, u32)>,
    clone_glues: Vec<Vec<CloneStep>>,
    /// Types whose clone glue is being made, with its number (reserved on entry).
    clone_in_progress: Vec<(Ty, u32)>,
}

impl<'a> Gen<'a> {
    fn ty(&self, e: &Expr) -> &'a Ty {
        &self.c.expr_ty[e.id as usize]
    }

    /// The type of a local the checker declared (not a hidden slot added here): the same
    /// as its [`LocalSlot`]'s, read from the checked program.
    fn decl_ty(&self, l: LocalId) -> &'a Ty {
        &self.c.locals[self.f.id as usize][l as usize].ty
    }

    fn layout(&self, t: &Ty) -> (u32, u32) {
        t.layout(self.ptr).unwrap_or((0, 1))
    }

    fn scalar(&self, t: &Ty) -> Scalar {
        match t {
            Ty::Ref(..) => Scalar::address(self.ptr),
            Ty::Int(i) => Scalar {
                size: i.size(self.ptr) as u8,
                signed: i.signed(),
            },
            Ty::Char => Scalar {
                size: 4,
                signed: false,
            },
            _ => Scalar {
                size: 1,
                signed: false,
            },
        }
    }

    /// How an address (a reference, a `Box`, a Vec's pointer) is read: pointer-sized.
    fn pointer_scalar(&self) -> Scalar {
        Scalar::address(self.ptr)
    }

    /// How a `usize` is read: pointer-sized, unsigned, like an address.
    fn usize_scalar(&self) -> Scalar {
        self.pointer_scalar()
    }

    fn elem_size(&self, t: &Ty) -> u8 {
        match t.autoderef() {
            Ty::Vec(e) | Ty::SliceRef(e) | Ty::SliceMut(e) => self.layout(e).0 as u8,
            _ => 1,
        }
    }

    fn emit(&mut self, op: Op) -> usize {
        self.f.code.push(op);
        self.f.code.len() - 1
    }

    fn here(&self) -> u32 {
        self.f.code.len() as u32
    }

    /// Adds one to the hidden `usize` counter at frame offset `off` (a loop's index), with
    /// wrapping arithmetic: the counter never reaches `usize::MAX`, and no step reports it.
    fn increment_counter(&mut self, off: u32, us: Scalar) {
        self.emit(Op::Load { off, ty: us });
        self.emit(Op::Const(1));
        self.emit(Op::Arith {
            op: Arith::WrappingAdd,
            ty: IntTy::Usize,
            at: 0,
        });
        self.emit(Op::Store { off, size: us.size });
    }

    /// Copies `size` bytes from frame offset `off` to the destination address already
    /// pushed.
    fn copy_from_local(&mut self, off: u32, size: u32) {
        self.emit(Op::AddrLocal(off));
        self.emit(Op::Copy(size));
    }

    /// Points the jump at `at` to the next op to be emitted.
    fn patch_here(&mut self, at: usize) {
        let here = self.here();
        self.patch(at, here);
    }

    fn patch(&mut self, at: usize, target: u32) {
        match &mut self.f.code[at] {
            Op::Jump(t) | Op::JumpIfFalse(t) | Op::JumpIfTrue(t) => *t = target,
            _ => {}
        }
    }

    /// The offset of a string literal's bytes in the read-only block.
    fn literal(&mut self, text: &str) -> u32 {
        self.literal_bytes(text.as_bytes())
    }

    /// The offset of a string or byte string literal's bytes in the read-only block (each
    /// distinct literal once).
    fn literal_bytes(&mut self, bytes: &[u8]) -> u32 {
        if let Some(&off) = self.literals.get(bytes) {
            return off;
        }
        if self.rodata.is_empty() {
            self.rodata_label = self.label(READ_ONLY_LABEL.into());
        }
        let off = self.rodata.len() as u32;
        self.rodata.extend_from_slice(bytes);
        self.literals.insert(bytes.to_vec(), off);
        off
    }

    fn span_id(&mut self, s: Span) -> u32 {
        self.spans.push(s);
        self.spans.len() as u32 - 1
    }

    fn label(&mut self, text: String) -> u32 {
        if let Some(&id) = self.label_ids.get(&text) {
            return id;
        }
        self.labels.push(text.clone());
        let id = self.labels.len() as u32 - 1;
        self.label_ids.insert(text, id);
        id
    }

    fn live_now(&self) -> Vec<u32> {
        self.f
            .scopes
            .iter()
            .flat_map(|s| s.0.iter().copied())
            .collect()
    }

    /// Emits a step marker; statement sites get their live list at the statement's end.
    fn step(&mut self, span: Span, kind: StepKind) -> u32 {
        let line = self.line_index.line(span.start);
        self.sites.push(Site {
            span,
            line,
            kind,
            func: self.f.id,
            live: self.live_now(),
        });
        let id = self.sites.len() as u32 - 1;
        self.emit(Op::Step(id));
        id
    }

    fn set_stack(&mut self, d: u32) {
        self.f.depth = d;
        self.emit(Op::SetStack(d));
    }

    /// Reserves `size` bytes aligned to `align` at the top of the frame; returns the offset.
    fn reserve(&mut self, size: u32, align: u32) -> u32 {
        let off = align_up(self.f.depth, align);
        self.set_stack(off + size);
        off
    }

    fn function(&mut self, id: u32, f: &Function) -> FnCode {
        self.f = FnGen {
            id,
            ..FnGen::default()
        };
        let decls = &self.c.locals[id as usize];
        self.f.locals = decls
            .iter()
            .map(|d| LocalSlot {
                name: d.name.clone(),
                ty: d.ty.clone(),
                off: 0,
                size: d.ty.size(self.ptr),
                hidden: d.hidden,
                part_of: None,
            })
            .collect();
        if !self.manual {
            self.declare_parts();
        }
        let mut owning_params = Vec::new();
        let mut params = Vec::new();
        let mut off = 0;
        for (i, _) in f.params.iter().enumerate() {
            let (size, align) = self.layout(&decls[i].ty);
            off = align_up(off, align);
            self.f.locals[i].off = off;
            off += size;
            params.push(i as u32);
            if !decls[i].ty.is_copy() {
                owning_params.push(i as u32);
                let flags = self.f.parts.get(&(i as u32)).into_iter().flatten();
                owning_params.extend(flags.map(|p| p.flag));
            }
        }
        self.f.depth = off;
        self.f.scopes.push((params, 0));
        let ret = &self.c.sigs[id as usize].ret;
        let dest = if ret.is_mem() { Some(Dest::Ret) } else { None };
        self.block_body(&f.body, dest, true, ret);
        self.name_moved_places();
        let name = self.c.sigs[id as usize].name.clone();
        FnCode {
            name,
            code: std::mem::take(&mut self.f.code),
            entry: 0,
            locals: std::mem::take(&mut self.f.locals),
            owning_params,
            param_count: f.params.len() as u32,
            span: f.span,
        }
    }

    /// Gives each part of a struct, tuple or Box local that owns memory (a `String` field,
    /// the fields of a field, the fields of a Box's value and the Box's block, ...) a drop
    /// flag of its own, in a hidden slot after the locals.
    fn declare_parts(&mut self) {
        for l in 0..self.f.locals.len() {
            let slot = &self.f.locals[l];
            let whole = match &slot.ty {
                Ty::Option(inner) => &**inner,
                t => t,
            };
            let boxed = matches!(slot.ty, Ty::Box(_));
            if !boxed && (!matches!(whole, Ty::Struct(_) | Ty::Tuple(_)) || !whole.needs_drop()) {
                continue;
            }
            let (name, ty) = (slot.name.clone(), slot.ty.clone());
            let found = local_parts(&ty, self.ptr);
            let mut parts = Vec::new();
            for (path, at, pty) in found {
                let shown = path_text(&ty, &path, self.ptr);
                let flag = self.f.locals.len() as LocalId;
                let block = matches!(&pty, Ty::Box(v) if **v == Ty::Unit);
                let hidden_name = match (shown.is_empty(), block) {
                    (false, _) => format!("{name}.{shown}"),
                    (true, true) => format!("({name} block)"),
                    (true, false) => format!("*{name}"),
                };
                self.f.locals.push(LocalSlot {
                    name: hidden_name,
                    ty: pty.clone(),
                    off: 0,
                    size: 0,
                    hidden: true,
                    // (The page marks the local's own fields: not those of a Box's value.)
                    part_of: (!shown.is_empty() && !path.contains(&BOX_VALUE))
                        .then_some((l as u32, shown)),
                });
                parts.push(Part {
                    path,
                    at,
                    ty: pty,
                    flag,
                });
            }
            self.f.parts.insert(l as LocalId, parts);
        }
    }

    /// Closes the innermost scope; its locals' ownership state goes with it.
    fn pop_scope(&mut self) {
        if let Some((locals, _)) = self.f.scopes.pop() {
            for l in locals {
                self.f.moves.forget(l);
            }
        }
    }

    /// Declares a local at the top of the frame and returns its offset.
    fn declare(&mut self, id: LocalId) -> u32 {
        let (size, align) = self.layout(&self.f.locals[id as usize].ty);
        let off = self.reserve(size, align);
        self.f.locals[id as usize].off = off;
        if let Some(s) = self.f.scopes.last_mut() {
            s.0.push(id);
        }
        self.f.moves.forget(id);
        off
    }

    /// Drops the Vec locals of scopes from the innermost down to `down_to` (exclusive), in
    /// reverse order of declaration.
    fn emit_drops(&mut self, down_to: usize) {
        let mut ops = Vec::new();
        for (locals, _) in self.f.scopes[down_to..].iter().rev() {
            for &l in locals.iter().rev() {
                // A local that may have been moved is checked by its run-time ownership flag.
                let slot = &self.f.locals[l as usize];
                if slot.ty.plain_buffer() {
                    ops.push((slot.off, l, None));
                } else if slot.ty.needs_drop() {
                    ops.push((slot.off, l, Some(slot.ty.clone())));
                }
            }
        }
        for (off, local, ty) in ops {
            self.drop_local(off, local, ty.as_ref());
        }
    }

    /// Drops local `local` at `off` if it still owns its value: a Vec (`ty` `None`) or a
    /// value of type `ty` holding Vecs.
    fn drop_local(&mut self, off: u32, local: u32, ty: Option<&Ty>) {
        if self.f.parts.contains_key(&local) {
            self.drop_parts(local, off, &[]);
            return;
        }
        match ty {
            None => {
                self.emit(Op::DropLocal { off, local });
            }
            Some(t) => {
                let glue = self.glue(t);
                self.emit(Op::DropGlueLocal { off, local, glue });
            }
        }
    }

    /// Drops the parts of local `l` (at frame offset `off`) at or inside the place `path`
    /// that are still owned, in declaration order.
    fn drop_parts(&mut self, l: LocalId, off: u32, path: &[u32]) {
        let parts: Vec<Part> = self
            .f
            .parts
            .get(&l)
            .into_iter()
            .flatten()
            .filter(|p| p.path.starts_with(path))
            .cloned()
            .collect();
        // In an `Option`, only a `Some` has parts.
        let local_ty = self.f.locals[l as usize].ty.clone();
        let none = match (&local_ty, parts.is_empty()) {
            (Ty::Option(_), false) => {
                self.emit(Op::AddrLocal(off));
                self.disc_test(&local_ty);
                Some(self.emit(Op::JumpIfFalse(0)))
            }
            _ => None,
        };
        for p in parts {
            let at = off + p.at[0];
            if p.at.len() > 1 {
                // In a Box's value: dropped through the pointers on the way, if still owned.
                self.emit(Op::IsOwned { local: p.flag });
                let skip = self.emit(Op::JumpIfFalse(0));
                self.emit(Op::AddrLocal(at));
                let ptr = self.pointer_scalar();
                for &k in &p.at[1..] {
                    self.emit(Op::LoadAt(ptr));
                    if k > 0 {
                        self.emit(Op::Offset(k));
                    }
                }
                if p.ty.plain_buffer() {
                    self.emit(Op::DropAt);
                } else {
                    let glue = self.glue(&p.ty);
                    self.emit(Op::DropGlueAt(glue));
                }
                self.emit(Op::SetOwned {
                    local: p.flag,
                    owned: false,
                });
                self.patch_here(skip);
            } else if p.ty.plain_buffer() {
                self.emit(Op::DropLocal {
                    off: at,
                    local: p.flag,
                });
            } else {
                let glue = self.glue(&p.ty);
                self.emit(Op::DropGlueLocal {
                    off: at,
                    local: p.flag,
                    glue,
                });
            }
        }
        if let Some(j) = none {
            self.patch_here(j);
        }
    }

    /// An assignment to local `l`: one declared without a value and without `mut` may be
    /// assigned once (E0384 when it may have a value already).
    fn check_reassign(&mut self, l: LocalId, span: Span) {
        let decl = &self.c.locals[self.f.id as usize][l as usize];
        if !decl.deferred || decl.mutable || self.f.moves.dead {
            return;
        }
        if self.f.moves.uninit.get(&l) == Some(&false) {
            return;
        }
        let name = decl.name.clone();
        self.diags.push(
            Diagnostic::error(
                DiagnosticKind::Ownership,
                span,
                format!("cannot assign twice to immutable variable `{name}`"),
            )
            .with_code("E0384")
            .with_span_label("cannot assign twice to immutable variable")
            .with_note(format!("make the variable mutable: `let mut {name}`")),
        );
    }

    /// A use (or, `partly`, an assignment to a field) of local `l`, declared without a value,
    /// where it has none (`maybe`: on some paths): E0381.
    fn report_uninit(&mut self, l: LocalId, span: Span, maybe: bool, partly: bool) {
        let name = &self.f.locals[l as usize].name;
        let decl_span = self.c.locals[self.f.id as usize][l as usize].span;
        let state = if maybe {
            "is possibly-uninitialized"
        } else {
            "isn't initialized"
        };
        let msg = if partly {
            format!("partially assigned binding `{name}` isn't fully initialized")
        } else {
            format!("used binding `{name}` {state}")
        };
        let label = if partly {
            format!("`{name}` partially assigned here but it isn't fully initialized")
        } else if maybe {
            format!("`{name}` used here but it is possibly-uninitialized")
        } else {
            format!("`{name}` used here but it isn't initialized")
        };
        if self
            .diags
            .iter()
            .any(|x| x.code.as_deref() == Some("E0381") && x.span == span)
        {
            return;
        }
        self.diags.push(
            Diagnostic::error(DiagnosticKind::Ownership, span, msg)
                .with_code("E0381")
                .with_span_label(label)
                .with_label(decl_span, "binding declared here but left uninitialized")
                .with_note(format!(
                    "give `{name}` a value on every path before it is used"
                )),
        );
    }

    /// An assignment to the place `path` of local `l`: it holds a value again, unless the
    /// local (or a place the field lies in) was moved out (E0382).
    fn assign_path(&mut self, l: LocalId, path: &[u32], span: Span) {
        if let (Some(_), false) = (self.f.moves.uninit.get(&l), self.f.moves.dead) {
            self.report_uninit(l, span, false, true);
            return;
        }
        let moved = self
            .f
            .moves
            .moved
            .iter()
            .find(|((ml, mp), _)| *ml == l && mp.len() < path.len() && path.starts_with(mp))
            .map(|((_, mp), at)| (mp.clone(), *at));
        if let (Some((mp, at)), false) = (moved, self.f.moves.dead) {
            let name = &self.f.locals[l as usize].name;
            let ty = &self.f.locals[l as usize].ty;
            let decl_span = self.c.locals[self.f.id as usize][l as usize].span;
            let mut d = Diagnostic::error(
                DiagnosticKind::Ownership,
                span,
                format!(
                    "assign to part of moved value: `{}`",
                    self.path_name(l, &mp)
                ),
            )
            .with_code("E0382")
            .with_span_label("value partially assigned here after move")
            .with_label(at, "value moved here");
            if mp.is_empty() {
                d = d.with_label(
                    decl_span,
                    format!("move occurs because `{name}` has type `{ty}`, which does not implement the `Copy` trait"),
                );
            }
            if !self
                .diags
                .iter()
                .any(|x| x.code.as_deref() == Some("E0382") && x.span == span)
            {
                self.diags.push(d);
            }
        }
        self.f.moves.reinit(l, path);
        self.add_move_path(l, path);
    }

    fn scope_has_drops(&self, index: usize) -> bool {
        self.f.scopes[index..].iter().any(|(ls, _)| {
            ls.iter()
                .any(|&l| self.f.locals[l as usize].ty.needs_drop())
        })
    }

    /// A block: its statements, its tail into `dest` (or a register), then the end of its
    /// scope. `fn_body` makes the end a return.
    fn block_body(&mut self, b: &Block, dest: Option<Dest>, fn_body: bool, ret: &Ty) {
        let start_depth = self.f.depth;
        self.f.scopes.push((Vec::new(), start_depth));
        for s in &b.stmts {
            self.stmt(s);
        }
        if let Some(t) = &b.tail {
            let block_like = matches!(
                t.kind,
                ExprKind::If(..)
                    | ExprKind::While(..)
                    | ExprKind::Loop(_)
                    | ExprKind::For { .. }
                    | ExprKind::Block(_)
                    | ExprKind::Match { .. }
            );
            let site = if block_like {
                None
            } else {
                Some(self.step(t.span, StepKind::Statement))
            };
            let stmt_depth = self.f.depth;
            let tt = self.ty(t);
            if fn_body {
                if ret.is_mem() {
                    self.expr_into(t, Dest::Ret);
                } else if ret.is_scalar() {
                    self.expr(t);
                    let size = self.scalar(ret).size;
                    self.emit(Op::StoreRet(size));
                } else {
                    self.expr_discard(t);
                }
            } else {
                match dest {
                    Some(d) if tt.is_mem() => self.expr_into(t, d),
                    _ => self.expr(t),
                }
            }
            self.end_statement(stmt_depth, site);
        }
        let scope_index = self.f.scopes.len() - 1;
        let has_locals = !self.f.scopes[scope_index].0.is_empty();
        if fn_body {
            let end = Span::new(b.span.end as usize - 1, b.span.end as usize);
            let site = self.step(end, StepKind::ScopeEnd);
            self.emit_drops(0);
            self.sites[site as usize].live = Vec::new();
            self.emit(Op::Return);
            self.pop_scope();
            return;
        }
        if has_locals {
            if !self.f.moves.dead {
                let end = Span::new(b.span.end as usize - 1, b.span.end as usize);
                let site = self.step(end, StepKind::ScopeEnd);
                self.emit_drops(scope_index);
                self.pop_scope();
                self.sites[site as usize].live = self.live_now();
                self.set_stack(start_depth);
                return;
            }
            self.set_stack(start_depth);
        }
        self.pop_scope();
        self.f.depth = start_depth;
    }

    /// Ends a statement: drops its temporaries, gives their stack back, records live locals.
    fn end_statement(&mut self, depth: u32, site: Option<u32>) {
        self.f.let_name = None;
        let temps = std::mem::take(&mut self.f.temps);
        self.drop_temps(&temps);
        if self.f.depth != depth {
            self.set_stack(depth);
        }
        let live = self.live_now();
        for s in self.f.pending_sites.drain(..) {
            self.sites[s as usize].live = live.clone();
        }
        if let Some(s) = site {
            self.sites[s as usize].live = live;
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Let {
                init, span, name, ..
            } => {
                self.f.let_name = Some(name.clone());
                let site = self.step(*span, StepKind::Statement);
                if name == "_" {
                    self.let_wild(init, site);
                    return;
                }
                let id = self.c.binding[&init.id];
                let ty = self.decl_ty(id);
                self.extend_temporaries(init);
                let depth = self.f.depth;
                if ty.is_mem() {
                    let off = self.declare(id);
                    let after = self.f.depth;
                    self.expr_into(init, Dest::Local(off));
                    self.own(id, off);
                    self.end_statement(after, Some(site));
                } else if ty.is_scalar() {
                    self.expr(init);
                    // Temporaries of the initializer are given back before the local is made.
                    let temps = std::mem::take(&mut self.f.temps);
                    self.drop_temps(&temps);
                    self.f.depth = depth;
                    let off = self.declare(id);
                    let size = self.scalar(ty).size;
                    self.emit(Op::Store { off, size });
                    self.end_statement(self.f.depth, Some(site));
                } else {
                    self.expr_discard(init);
                    self.end_statement(depth, Some(site));
                }
            }
            Stmt::Decl { id, span, .. } => {
                // `let x;`: its bytes are reserved; it has no value until assigned.
                let site = self.step(*span, StepKind::Statement);
                let l = self.c.binding[id];
                self.declare(l);
                self.f.moves.uninit.insert(l, false);
                self.end_statement(self.f.depth, Some(site));
            }
            Stmt::LetPat {
                pat, init, span, ..
            } => self.let_pat(pat, init, *span),
            Stmt::Expr { expr, .. } => {
                let block_like = matches!(
                    expr.kind,
                    ExprKind::If(..)
                        | ExprKind::While(..)
                        | ExprKind::Loop(_)
                        | ExprKind::For { .. }
                        | ExprKind::Block(_)
                        | ExprKind::Match { .. }
                );
                let depth = self.f.depth;
                if block_like {
                    self.expr_discard(expr);
                    self.end_statement(depth, None);
                } else {
                    let site = self.step(expr.span, StepKind::Statement);
                    self.expr_discard(expr);
                    self.end_statement(depth, Some(site));
                }
            }
        }
    }

    /// `let _ = init;` binds nothing: a place is neither read nor moved (an index into it is
    /// still checked, and references on the way are followed); any other value is a
    /// temporary dropped at the end of the statement (unless borrowed: `let _ = &f();`
    /// extends it to the end of the block, as any `let` does).
    fn let_wild(&mut self, init: &Expr, site: u32) {
        self.extend_temporaries(init);
        let depth = self.f.depth;
        if self.is_static_place(init) {
            // Nothing to do: the place stays as it is.
        } else if self.is_place(init) {
            self.place_addr(init);
            self.emit(Op::Pop);
        } else {
            self.expr_discard(init);
        }
        self.end_statement(depth, Some(site));
    }

    /// Temporaries a `let`'s initializer borrows (`let r = &String::from("x");`, also inside
    /// struct literals, tuples and arrays) live to the end of the block, as rustc extends
    /// them: each is made first, in a hidden local declared before the variable (so it is
    /// dropped just after it), and the borrow takes its address.
    fn extend_temporaries(&mut self, init: &Expr) {
        let mut temps = Vec::new();
        self.extended(init, &mut temps);
        for inner in temps {
            let t = self.ty(inner);
            let slot = LocalSlot {
                name: "(temporary)".into(),
                ty: t.clone(),
                off: 0,
                size: t.size(self.ptr),
                hidden: true,
                part_of: None,
            };
            self.f.locals.push(slot);
            let l = self.f.locals.len() as LocalId - 1;
            let off = self.declare(l);
            self.value_into(inner, t, Dest::Local(off));
            if !t.is_copy() {
                // Owned by the hidden local; its blocks keep their "a temporary" labels.
                self.emit(Op::SetOwned {
                    local: l,
                    owned: true,
                });
            }
            self.f.materialized.insert(inner.id, off);
        }
    }

    /// The operands of the borrows in `e` whose temporaries rustc extends, innermost first.
    fn extended<'e>(&self, e: &'e Expr, out: &mut Vec<&'e Expr>) {
        match &e.kind {
            ExprKind::AddrOf { inner, .. } => {
                if let ExprKind::Index(base, i) = &inner.kind {
                    if matches!(i.kind, ExprKind::Range { .. } | ExprKind::OpenRange { .. }) {
                        // `&String::from("x")[1..]`: the value sliced is the temporary.
                        if !self.is_place(base) && !matches!(base.kind, ExprKind::Str(_)) {
                            self.extended(base, out);
                            out.push(base);
                        }
                        return;
                    }
                }
                if !self.is_place(inner) && !matches!(inner.kind, ExprKind::Str(_)) {
                    self.extended(inner, out);
                    out.push(inner);
                }
            }
            ExprKind::StructLit { fields, .. } => {
                for (_, _, v) in fields {
                    self.extended(v, out);
                }
            }
            ExprKind::Tuple(items) | ExprKind::ArrayList(items) => {
                for v in items {
                    self.extended(v, out);
                }
            }
            _ => {}
        }
    }

    /// `let PATTERN = init;`: the bound locals are declared first; the value is read in
    /// place from a local (or a field of one), or built above them in a temporary, and each
    /// bound part is copied down into its local. From a local, each bound part that is not
    /// `Copy` moves out on its own (a partial move: the rest stays and is dropped with the
    /// local); from a temporary, the parts no name takes are dropped at the end of the
    /// statement.
    fn let_pat(&mut self, pat: &Pat, init: &Expr, span: Span) {
        let site = self.step(span, StepKind::Statement);
        self.extend_temporaries(init);
        let t = self.ty(init);
        let ids = self.c.pat_locals.get(&init.id).cloned().unwrap_or_default();
        let (leaves, unbound_owner) = pat_leaves(pat, t, self.ptr, ids);
        // Through a reference (`let (a, b) = &pair;`) the names borrow: the reference
        // itself is what is read.
        let place = match t {
            Ty::Ref(..) => None,
            _ => self.static_path(init),
        };
        // A place in a Box's value (`let Node { value, next } = *b;`): each part a name
        // takes by value moves out on its own, as from a local.
        let boxed = match (&t, &place) {
            (Ty::Ref(..), _) | (_, Some(_)) => None,
            _ => self.part_place(init),
        };
        let mut offs = Vec::new();
        for leaf in &leaves {
            offs.push(self.declare(leaf.local));
        }
        let after = self.f.depth;
        let src = match (&place, &boxed) {
            (None, Some((l, path))) => {
                for leaf in &leaves {
                    let mut at = path.clone();
                    at.extend_from_slice(&leaf.path);
                    let how = if leaf.moves() { Use::Move } else { Use::Copy };
                    self.use_path(*l, &at, leaf.span, how);
                }
                // The value's bytes, copied to read the parts from (nothing changes owner
                // by the copy itself).
                let (size, align) = self.layout(t);
                let tmp = self.reserve(size, align);
                self.emit(Op::AddrLocal(tmp));
                self.path_addr(*l, path);
                self.emit(Op::Copy(size));
                tmp
            }
            (Some((l, path, off)), _) => {
                if leaves.is_empty() {
                    // Nothing bound (`let (_, _) = t;`): nothing is read.
                    self.end_statement(after, Some(site));
                    return;
                }
                for leaf in &leaves {
                    let mut at = path.clone();
                    at.extend_from_slice(&leaf.path);
                    let how = if leaf.moves() { Use::Move } else { Use::Copy };
                    self.use_path(*l, &at, leaf.span, how);
                }
                *off
            }
            (None, None) if leaves.iter().any(|l| l.by_ref) && self.behind_reference(init) => {
                self.diags.push(Diagnostic::error(
                    DiagnosticKind::Unsupported,
                    init.span,
                    "a `ref` name in `let` bound to a place behind a reference (`let ref t = *r;`) is not supported yet",
                ));
                self.end_statement(after, Some(site));
                return;
            }
            (None, None) => {
                let (size, align) = self.layout(t);
                let tmp = self.reserve(size, align);
                self.value_into(init, t, Dest::Local(tmp));
                tmp
            }
        };
        for (leaf, dst) in leaves.iter().zip(&offs) {
            self.bind_leaf(leaf, src, *dst, init.span);
        }
        let place = place.map(|(l, path, _)| (l, path)).or(boxed);
        match &place {
            Some((l, path)) => {
                for leaf in leaves.iter().filter(|leaf| leaf.moves()) {
                    let mut at = path.clone();
                    at.extend_from_slice(&leaf.path);
                    self.set_part_owned(*l, &at, false);
                }
            }
            None if unbound_owner => {
                // What no name took stays in the temporary, dropped at the statement's end
                // in declaration order.
                let mut parts = Vec::new();
                owner_parts(t, self.ptr, 0, &mut Vec::new(), &mut parts);
                for (path, off, pty) in parts.into_iter().rev() {
                    let taken = leaves
                        .iter()
                        .any(|leaf| leaf.moves() && path.starts_with(&leaf.path));
                    if taken {
                        continue;
                    }
                    let glue = (!pty.plain_buffer()).then(|| self.glue(&pty));
                    self.f.temps.push(Temp {
                        off: src + off,
                        glue,
                        via: None,
                    });
                }
            }
            None => {}
        }
        self.end_statement(after, Some(site));
    }

    /// Whether the place `e` is reached through a reference (`*r`, `r.name`, `r[0]`).
    fn behind_reference(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Deref(inner)
            | ExprKind::Field { base: inner, .. }
            | ExprKind::Index(inner, _) => {
                matches!(
                    self.ty(inner),
                    Ty::Ref(..) | Ty::SliceRef(_) | Ty::SliceMut(_) | Ty::StrRef
                ) || self.behind_reference(inner)
            }
            _ => false,
        }
    }

    /// Copies the part a pattern binds (`leaf`, in the value at frame offset `base`) into
    /// its local at `dst`: the bytes, or for a name bound by reference, the part's address
    /// (read through the references on the way). `from` is the matched expression.
    fn bind_leaf(&mut self, leaf: &Leaf, base: u32, dst: u32, from: Span) {
        self.copy_leaf(leaf, base, dst, from, None);
        if leaf.through.is_none() {
            self.own(leaf.local, dst);
        }
    }

    /// [`Self::bind_leaf`] without making the local the owner of what it holds (a `match`
    /// arm's names own their parts only once its guard holds).
    /// `origin`: the frame offset of a pointer to where the value really is, when the bytes
    /// at `base` are a copy of it (a `ref x` takes the real part's address).
    fn copy_leaf(&mut self, leaf: &Leaf, base: u32, dst: u32, from: Span, origin: Option<u32>) {
        if let (None, true) = (&leaf.through, leaf.by_ref) {
            // `ref x` in a value: the part's address.
            match origin {
                Some(slot) => {
                    let ptr = self.pointer_scalar();
                    self.emit(Op::Load { off: slot, ty: ptr });
                    if leaf.off > 0 {
                        self.emit(Op::Offset(leaf.off));
                    }
                }
                None => {
                    self.emit(Op::AddrLocal(base + leaf.off));
                    self.emit(Op::ToRef);
                }
            }
            self.emit(Op::Store {
                off: dst,
                size: self.ptr.bytes() as u8,
            });
            return;
        }
        let Some((slot, chain)) = &leaf.through else {
            if leaf.ty.is_scalar() {
                let ty = self.scalar(&leaf.ty);
                self.emit(Op::Load {
                    off: base + leaf.off,
                    ty,
                });
                self.emit(Op::Store {
                    off: dst,
                    size: ty.size,
                });
            } else {
                self.emit(Op::AddrLocal(dst));
                self.copy_from_local(base + leaf.off, leaf.ty.size(self.ptr));
            }
            return;
        };
        if !leaf.by_ref && !leaf.ty.is_copy() {
            self.diags.push(
                Diagnostic::error(
                    DiagnosticKind::Ownership,
                    from,
                    "cannot move out of a shared reference",
                )
                .with_code("E0507")
                .with_label(leaf.span, "data moved here")
                .with_note(format!(
                    "move occurs because `{}` has type `{}`, which does not implement the `Copy` trait",
                    self.f.locals[leaf.local as usize].name,
                    leaf.ty
                )),
            );
            return;
        }
        let ptr = self.pointer_scalar();
        let before_dst = |g: &mut Self| {
            if !leaf.by_ref && !leaf.ty.is_scalar() {
                g.emit(Op::AddrLocal(dst));
            }
        };
        before_dst(self);
        self.emit(Op::Load {
            off: base + slot,
            ty: ptr,
        });
        for &k in chain {
            if k > 0 {
                self.emit(Op::Offset(k));
            }
            self.emit(Op::LoadAt(ptr));
        }
        if leaf.off > 0 {
            self.emit(Op::Offset(leaf.off));
        }
        if leaf.by_ref {
            self.emit(Op::Store {
                off: dst,
                size: ptr.size,
            });
        } else if leaf.ty.is_scalar() {
            let ty = self.scalar(&leaf.ty);
            self.emit(Op::LoadAt(ty));
            self.emit(Op::Store {
                off: dst,
                size: ty.size,
            });
        } else {
            self.emit(Op::Copy(leaf.ty.size(self.ptr)));
        }
    }

    /// Marks local `id` as owning its Vec and relabels the buffer.
    fn own(&mut self, id: LocalId, off: u32) {
        let slot = self.f.locals[id as usize].clone();
        if slot.ty.is_copy() {
            return;
        }
        self.set_owned(id, true);
        self.own_blocks(&slot.ty, off, &slot.name);
    }

    /// Relabels the blocks the Vecs, Strings and Boxes inside the value of type `t` at frame
    /// offset `off` own, as owned by the paths inside `name`.
    fn own_blocks(&mut self, t: &Ty, off: u32, name: &str) {
        let vecs = vec_paths(t, self.ptr, off, name);
        for (voff, path) in owner_paths(t, self.ptr, off, name, true) {
            let label = self.label(format!("`{path}`"));
            if vecs.iter().any(|v| v.0 == voff) {
                self.emit(Op::Own { off: voff, label });
            } else {
                self.emit(Op::OwnBox { off: voff, label });
            }
        }
    }

    /// Sets whether local `l` owns its value; for a local with parts, each part's flag too.
    fn set_owned(&mut self, l: LocalId, owned: bool) {
        self.emit(Op::SetOwned { local: l, owned });
        self.set_part_owned(l, &[], owned);
    }

    /// Sets the flags of the parts of `l` at or inside the place `path`.
    fn set_part_owned(&mut self, l: LocalId, path: &[u32], owned: bool) {
        let flags: Vec<LocalId> = self
            .f
            .parts
            .get(&l)
            .into_iter()
            .flatten()
            .filter(|p| p.path.starts_with(path))
            .map(|p| p.flag)
            .collect();
        for local in flags {
            self.emit(Op::SetOwned { local, owned });
        }
    }

    /// Evaluates an expression for its effects only.
    fn expr_discard(&mut self, e: &Expr) {
        let t = self.ty(e);
        if t.is_mem() {
            match &e.kind {
                ExprKind::Path(_) => {
                    self.use_local(e, false);
                }
                _ => {
                    let off = self.temp(e);
                    let _ = off;
                }
            }
        } else if t.is_scalar() {
            self.expr(e);
            self.emit(Op::Pop);
        } else {
            self.expr(e);
        }
    }

    /// Materializes a Vec-valued expression in a temporary stack slot dropped at the end of
    /// the statement; returns the slot's offset.
    fn temp(&mut self, e: &Expr) -> u32 {
        let t = self.ty(e);
        // A coerced reference is made as the `&str` or slice it becomes.
        let made = if self.c.coercions.contains(&e.id) {
            Ty::StrRef
        } else {
            t.clone()
        };
        let (size, align) = self.layout(&made);
        let off = self.reserve(size, align);
        if t.is_scalar() {
            self.value_into(e, t, Dest::Local(off));
        } else {
            self.expr_into(e, Dest::Local(off));
        }
        if t.plain_buffer() {
            self.f.temps.push(Temp {
                off,
                glue: None,
                via: None,
            });
        } else if t.needs_drop() {
            let glue = self.glue(t);
            self.f.temps.push(Temp {
                off,
                glue: Some(glue),
                via: None,
            });
        }
        off
    }

    /// Drops temporaries, the last made first.
    fn drop_temps(&mut self, temps: &[Temp]) {
        for t in temps.iter().rev() {
            self.emit(Op::AddrLocal(t.off));
            if let Some(k) = t.via {
                let ptr = self.pointer_scalar();
                self.emit(Op::LoadAt(ptr));
                if k > 0 {
                    self.emit(Op::Offset(k));
                }
            }
            match t.glue {
                None => self.emit(Op::DropAt),
                Some(g) => self.emit(Op::DropGlueAt(g)),
            };
        }
    }

    /// The drop glue of a type: where its Vecs are, in drop order (interned). The glue of
    /// a recursive struct refers to itself (a `Node`'s `next` holds a `Node`): a type met
    /// again while its glue is being made gets that glue's number, filled in at the end.
    fn glue(&mut self, t: &Ty) -> u32 {
        if let Some(slot) = self.glues_in_progress.iter_mut().find(|(ty, _)| ty == t) {
            if let Some(id) = slot.1 {
                return id;
            }
            let id = self.glues.len() as u32;
            slot.1 = Some(id);
            self.glues.push(Vec::new());
            return id;
        }
        self.glues_in_progress.push((t.clone(), None));
        let mut offs = Vec::new();
        self.glue_entries(t, 0, &mut offs);
        let reserved = self.glues_in_progress.pop().and_then(|(_, id)| id);
        if let Some(id) = reserved {
            self.glues[id as usize] = offs;
            return id;
        }
        // (A glue reserved for a type in progress is still empty: never shared.)
        if let Some(i) = self.glues.iter().position(|g| *g == offs && !g.is_empty()) {
            return i as u32;
        }
        self.glues.push(offs);
        self.glues.len() as u32 - 1
    }

    /// The clone glue of a type that owns memory (interned by type; a recursive struct's
    /// refers to itself).
    fn clone_glue(&mut self, t: &Ty) -> u32 {
        if let Some((_, id)) = self.clone_in_progress.iter().find(|(ty, _)| ty == t) {
            return *id;
        }
        let id = self.clone_glues.len() as u32;
        self.clone_glues.push(Vec::new());
        self.clone_in_progress.push((t.clone(), id));
        let mut steps = Vec::new();
        self.clone_steps(t, 0, &mut steps);
        self.clone_in_progress.pop();
        self.clone_glues[id as usize] = steps;
        id
    }

    /// The steps that clone a value of type `t` at `base`.
    fn clone_steps(&mut self, t: &Ty, base: u32, out: &mut Vec<CloneStep>) {
        let owned = |g: &mut Self, e: &Ty| {
            if e.needs_drop() {
                g.clone_glue(e)
            } else {
                u32::MAX
            }
        };
        match t {
            _ if !t.needs_drop() => {
                let size = t.size(self.ptr);
                if size > 0 {
                    out.push(CloneStep::Bytes { off: base, size });
                }
            }
            Ty::Vec(e) => {
                let (elem, align) = self.layout(e);
                let elems = owned(self, e);
                out.push(CloneStep::Buffer {
                    off: base,
                    elem,
                    align,
                    elems,
                });
            }
            Ty::String => out.push(CloneStep::Buffer {
                off: base,
                elem: 1,
                align: 1,
                elems: u32::MAX,
            }),
            Ty::Box(e) => {
                let (size, align) = self.layout(e);
                let value = owned(self, e);
                out.push(CloneStep::Boxed {
                    off: base,
                    size,
                    align,
                    value,
                });
            }
            Ty::Option(e) => {
                let Some(l) = option_layout(t, self.ptr) else {
                    return;
                };
                let value = self.clone_glue(e);
                out.push(CloneStep::Option {
                    off: base,
                    payload: base + l.payload,
                    disc: l.disc,
                    value,
                });
            }
            Ty::Struct(_) | Ty::Tuple(_) => {
                for (_, ft, off) in t.fields(self.ptr) {
                    self.clone_steps(&ft, base + off, out);
                }
            }
            Ty::Array(e, n) => {
                let size = e.size(self.ptr);
                for i in 0..*n as u32 {
                    self.clone_steps(e, base + i * size, out);
                }
            }
            _ => {}
        }
    }

    /// The drop glue's entries for a value of type `t` at `base`: Vecs and Strings by offset,
    /// Boxes flagged `BOX_DROP`, owning Options flagged `OPTION_DROP` (in declaration order).
    fn glue_entries(&mut self, t: &Ty, base: u32, out: &mut Vec<u32>) {
        match t {
            Ty::Option(inner) if inner.needs_drop() => {
                let Some(l) = option_layout(t, self.ptr) else {
                    return;
                };
                let glue = self.glue(inner);
                let entry = crate::types::OptionGlue {
                    off: base,
                    disc: l.disc,
                    payload: base + l.payload,
                    glue,
                };
                let i = match self.option_glues.iter().position(|g| *g == entry) {
                    Some(i) => i,
                    None => {
                        self.option_glues.push(entry);
                        self.option_glues.len() - 1
                    }
                };
                out.push(crate::types::OPTION_DROP | i as u32);
            }
            Ty::Box(e) if e.needs_drop() => {
                let glue = self.glue(e);
                let entry = (base, glue);
                let i = match self.box_glues.iter().position(|g| *g == entry) {
                    Some(i) => i,
                    None => {
                        self.box_glues.push(entry);
                        self.box_glues.len() - 1
                    }
                };
                out.push(crate::types::BOXED_DROP | i as u32);
            }
            Ty::Vec(e) if e.needs_drop() => {
                let glue = self.glue(e);
                let entry = (base, e.size(self.ptr), glue);
                let i = match self.elem_glues.iter().position(|g| *g == entry) {
                    Some(i) => i,
                    None => {
                        self.elem_glues.push(entry);
                        self.elem_glues.len() - 1
                    }
                };
                out.push(crate::types::ELEMS_DROP | i as u32);
            }
            Ty::Struct(_) | Ty::Tuple(_) => {
                for (_, ft, off) in t.fields(self.ptr) {
                    self.glue_entries(&ft, base + off, out);
                }
            }
            Ty::Array(e, n) if e.needs_drop() => {
                let size = e.size(self.ptr);
                for i in 0..*n as u32 {
                    self.glue_entries(e, base + i * size, out);
                }
            }
            _ => t.drop_offsets(self.ptr, base, out),
        }
    }

    fn push_dest(&mut self, d: Dest) {
        match d {
            Dest::Local(off) => self.emit(Op::AddrLocal(off)),
            Dest::Ret => self.emit(Op::AddrRet),
            Dest::RetAt(off) => {
                self.emit(Op::AddrRet);
                self.emit(Op::Offset(off))
            }
        };
    }

    fn local_res(&self, e: &Expr) -> Option<LocalId> {
        match self.c.res.get(&e.id) {
            Some(Res::Local(l)) => Some(*l),
            _ => None,
        }
    }

    /// Records a use of a local; `moving` for uses that move a Vec out. Reports E0382.
    fn use_local(&mut self, e: &Expr, moving: bool) -> Option<LocalId> {
        let l = self.local_res(e)?;
        let how = if moving { Use::Move } else { Use::Borrow };
        self.use_path(l, &[], e.span, how);
        Some(l)
    }

    /// Records a use of the place `path` of local `l` at `span`. Reports E0382 when the
    /// place, a place it lies in, or (for a use of all of it) a part of it may have been
    /// moved out; a move of a value that is not `Copy` marks the place moved.
    fn use_path(&mut self, l: LocalId, path: &[u32], span: Span, how: Use) {
        let how = if self.f.borrowing && how == Use::Copy {
            Use::Borrow
        } else {
            how
        };
        let span = self.f.use_span.take().unwrap_or(span);
        let reached = match self.f.box_use.take() {
            Some((bl, bp, at)) if bl == l && bp.starts_with(path) => Some((bp, at)),
            other => {
                self.f.box_use = other;
                None
            }
        };
        let (path, span) = match &reached {
            Some((bp, at)) => (&bp[..], *at),
            None => (path, span),
        };
        if let (Some(&maybe), false) = (self.f.moves.uninit.get(&l), self.f.moves.dead) {
            self.report_uninit(l, span, maybe, false);
            return;
        }
        for lp in self.f.loops.iter_mut() {
            if !lp.first_use.iter().any(|u| u.0 == l && u.1 == path) {
                lp.first_use.push((l, path.to_vec(), span, how));
            }
        }
        if !self.f.moves.dead {
            if let Some((moved, at)) = self.moved_conflict(&self.f.moves, l, path) {
                self.report_moved(l, path, &moved, span, at, how, false);
            }
        }
        if how == Use::Move && !self.path_ty(l, path).is_copy() && !self.manual {
            self.f.moves.moved.insert((l, path.to_vec()), span);
            self.add_move_path(l, path);
        }
    }

    /// A move out of the value in a Box local: `*b` (the whole value), or a field `b.f`
    /// (`b.f.g`, `(*b).f`) that holds every part of the value owning memory, so that only
    /// the Box's block is left to free. Returns the Box's path, its local and the moved
    /// part's offset in the value.
    fn box_move<'e>(&self, e: &'e Expr) -> Option<(&'e Expr, LocalId, u32)> {
        let mut rel = 0;
        let mut cur = e;
        let root = loop {
            match &cur.kind {
                ExprKind::Deref(inner) if matches!(self.ty(inner), Ty::Box(_)) => break &**inner,
                ExprKind::Field { base, name, .. } => {
                    let bt = self.ty(base);
                    let vt: &Ty = match bt {
                        Ty::Box(inner) => inner,
                        Ty::Struct(_) | Ty::Tuple(_) => bt,
                        _ => return None,
                    };
                    rel += vt.fields(self.ptr).into_iter().find(|f| &f.0 == name)?.2;
                    if matches!(bt, Ty::Box(_)) {
                        break &**base;
                    }
                    cur = base;
                }
                _ => return None,
            }
        };
        if !matches!(root.kind, ExprKind::Path(_)) {
            return None;
        }
        let l = self.local_res(root)?;
        let Ty::Box(value) = self.ty(root) else {
            return None;
        };
        let size = self.ty(e).size(self.ptr);
        let mut owners = Vec::new();
        value.drop_offsets(self.ptr, 0, &mut owners);
        let flags = crate::types::BOX_DROP;
        if owners
            .iter()
            .any(|o| o & !flags < rel || o & !flags >= rel + size)
        {
            return None;
        }
        Some((root, l, rel))
    }

    /// The place `e` as a path of a local when it lies in the value of a Box the local holds
    /// (`b.next`: `BOX_VALUE`, then `next`; `(*b).x`, `p.b.x`), reached through Boxes and
    /// fields, not references.
    fn box_path(&self, e: &Expr) -> Option<(LocalId, FieldPath)> {
        let (l, path) = self.value_path(e)?;
        path.contains(&BOX_VALUE).then_some((l, path))
    }

    /// Moves a field out of a temporary (`make().name`, `pair().1`, `make().inner.tags`, also
    /// through a temporary Box: `make_box().name`): the temporary is made, the field's bytes
    /// are copied into `dest`, and what is left of the temporary (and a Box's block) is
    /// dropped at the end of the statement, as rustc drops it. Returns false, emitting
    /// nothing, when `e` is not such a move.
    fn move_out_of_temporary(&mut self, e: &Expr, dest: Dest) -> bool {
        let mut path = Vec::new();
        let mut rel = 0;
        let mut cur = e;
        while let ExprKind::Field { base, name, .. } = &cur.kind {
            let bt = self.ty(base);
            let vt: &Ty = match bt {
                Ty::Struct(_) | Ty::Tuple(_) => bt,
                // Only the temporary itself may be a Box.
                Ty::Box(inner) if !matches!(base.kind, ExprKind::Field { .. }) => inner,
                _ => return false,
            };
            let Some((i, (_, _, off))) = vt
                .fields(self.ptr)
                .into_iter()
                .enumerate()
                .find(|(_, f)| &f.0 == name)
            else {
                return false;
            };
            path.insert(0, i as u32);
            rel += off;
            cur = base;
        }
        let root = cur;
        if path.is_empty() || self.is_place(root) || self.c.coercions.contains(&root.id) {
            return false;
        }
        let root_ty = self.ty(root);
        let (value_ty, boxed): (&Ty, bool) = match root_ty {
            Ty::Box(inner) => (inner, true),
            Ty::Struct(_) | Ty::Tuple(_) => (root_ty, false),
            _ => return false,
        };
        let (size, align) = self.layout(root_ty);
        let tmp = self.reserve(size, align);
        self.expr_into(root, Dest::Local(tmp));
        let ptr = self.pointer_scalar();
        self.push_dest(dest);
        if boxed {
            self.emit(Op::AddrLocal(tmp));
            self.emit(Op::LoadAt(ptr));
            if rel > 0 {
                self.emit(Op::Offset(rel));
            }
        } else {
            self.emit(Op::AddrLocal(tmp + rel));
        }
        self.emit(Op::Copy(self.ty(e).size(self.ptr)));
        // What is left: dropped last made first, so the Box's block goes in first.
        if boxed {
            let glue = self.glue(&Ty::Box(Box::new(Ty::Unit)));
            self.f.temps.push(Temp {
                off: tmp,
                glue: Some(glue),
                via: None,
            });
        }
        let mut parts = Vec::new();
        owner_parts(value_ty, self.ptr, 0, &mut Vec::new(), &mut parts);
        for (ppath, off, pty) in parts.into_iter().rev() {
            if ppath.starts_with(&path) {
                continue;
            }
            let glue = (!pty.plain_buffer()).then(|| self.glue(&pty));
            let (off, via) = if boxed {
                (tmp, Some(off))
            } else {
                (tmp + off, None)
            };
            self.f.temps.push(Temp { off, glue, via });
        }
        true
    }

    /// The place `e` in a Box's value (see [`Self::box_path`]) when its local's parts have
    /// drop flags down to it: every part is inside it or apart from it, so it can move out
    /// or be given a value on its own.
    fn part_place(&self, e: &Expr) -> Option<(LocalId, FieldPath)> {
        let (l, path) = self.box_path(e)?;
        let parts = self.f.parts.get(&l)?;
        let block = |p: &Part| matches!(&p.ty, Ty::Box(v) if **v == Ty::Unit);
        if parts
            .iter()
            .any(|p| !block(p) && p.path.len() < path.len() && path.starts_with(&p.path))
        {
            return None;
        }
        Some((l, path))
    }

    /// Pushes the address of the place `path` of local `l`, through the pointers of the
    /// Boxes on the way. Records no use.
    fn path_addr(&mut self, l: LocalId, path: &[u32]) {
        let mut t = self.f.locals[l as usize].ty.clone();
        let mut acc = self.f.locals[l as usize].off;
        let mut in_frame = true;
        let ptr = self.pointer_scalar();
        for &i in path {
            match (&t, i) {
                (Ty::Box(inner), BOX_VALUE) => {
                    if in_frame {
                        self.emit(Op::AddrLocal(acc));
                    } else if acc > 0 {
                        self.emit(Op::Offset(acc));
                    }
                    self.emit(Op::LoadAt(ptr));
                    in_frame = false;
                    acc = 0;
                    t = (**inner).clone();
                }
                (Ty::Option(inner), SOME_PAYLOAD) => {
                    acc += option_layout(&t, self.ptr).map_or(0, |l| l.payload);
                    t = (**inner).clone();
                }
                _ => {
                    let Some((_, ft, off)) = t.fields(self.ptr).into_iter().nth(i as usize) else {
                        break;
                    };
                    acc += off;
                    t = ft;
                }
            }
        }
        if in_frame {
            self.emit(Op::AddrLocal(acc));
        } else if acc > 0 {
            self.emit(Op::Offset(acc));
        }
    }

    /// Makes the use of the local that `e`'s address is computed from a use of the place
    /// `e` itself when `e` lies in a Box's value (see `FnGen::box_use`); the outermost place
    /// wins. Returns whether it was set here (to be cleared once the address is made).
    fn reach_box_place(&mut self, e: &Expr) -> bool {
        if self.f.box_use.is_some() {
            return false;
        }
        let Some((l, path)) = self.box_path(e) else {
            return false;
        };
        let span = self.f.use_span.take().unwrap_or(e.span);
        self.f.box_use = Some((l, path, span));
        true
    }

    /// [`Self::reach_box_place`] for the value a Box `e` holds (through further Boxes:
    /// `**b`), as auto-deref reaches it.
    fn reach_box_value(&mut self, e: &Expr) -> bool {
        if self.f.box_use.is_some() {
            return false;
        }
        let mut t = self.ty(e);
        if !matches!(t, Ty::Box(_)) {
            return false;
        }
        let Some((l, mut path)) = self.value_path(e) else {
            return false;
        };
        while let Ty::Box(inner) = t {
            path.push(BOX_VALUE);
            t = inner;
        }
        let span = self.f.use_span.take().unwrap_or(e.span);
        self.f.box_use = Some((l, path, span));
        true
    }

    /// The place `e` as a local and the path inside it, through fields and Boxes.
    fn value_path(&self, e: &Expr) -> Option<(LocalId, FieldPath)> {
        match &e.kind {
            ExprKind::Path(_) => Some((self.local_res(e)?, Vec::new())),
            ExprKind::Deref(inner) if matches!(self.ty(inner), Ty::Box(_)) => {
                let (l, mut path) = self.value_path(inner)?;
                path.push(BOX_VALUE);
                Some((l, path))
            }
            ExprKind::Field { base, name, .. } => {
                let (l, mut path) = self.value_path(base)?;
                let mut t = self.ty(base);
                while let Ty::Box(inner) = t {
                    path.push(BOX_VALUE);
                    t = inner;
                }
                if !matches!(t, Ty::Struct(_) | Ty::Tuple(_)) {
                    return None;
                }
                let i = t.fields(self.ptr).iter().position(|f| &f.0 == name)?;
                path.push(i as u32);
                Some((l, path))
            }
            _ => None,
        }
    }

    /// Moves (a part of) the value out of a Box local into `dest` (see [`Gen::box_move`]):
    /// the bytes are copied out, and the Box's block stays allocated until the Box would
    /// have been dropped, where it is freed without dropping the value again (as rustc
    /// does).
    fn move_out_of_box(&mut self, e: &Expr, dest: Dest) {
        let Some((root, l, rel)) = self.box_move(e) else {
            return;
        };
        let part = (!matches!(e.kind, ExprKind::Deref(_))).then_some(e);
        self.move_from_box(root, l, rel, part, e.span, dest);
    }

    /// Moves the value in Box local `l` (its path `root`), or the part `part` of it at
    /// offset `rel`, into `dest`; `span` is the moving expression (`*b`, `b.next`). The moved
    /// place is `BOX_VALUE` in `l`'s paths (`*b`), then the fields to the part (`b.next`).
    #[allow(clippy::too_many_arguments)]
    fn move_from_box(
        &mut self,
        root: &Expr,
        l: LocalId,
        rel: u32,
        part: Option<&Expr>,
        span: Span,
        dest: Dest,
    ) {
        let size = match (part, self.ty(root)) {
            (Some(p), _) => self.ty(p).size(self.ptr),
            (None, Ty::Box(value)) => value.size(self.ptr),
            _ => 0,
        };
        let off = self.f.locals[l as usize].off;
        self.push_dest(dest);
        self.emit(Op::AddrLocal(off));
        let ty = self.pointer_scalar();
        self.emit(Op::LoadAt(ty));
        if rel > 0 {
            self.emit(Op::Offset(rel));
        }
        self.emit(Op::Copy(size));
        let path = match part {
            Some(e) => self.box_path(e).map(|(_, p)| p),
            None => Some(vec![BOX_VALUE]),
        };
        match &path {
            Some(path) => self.use_path(l, path, span, Use::Move),
            None => {
                self.use_local(root, true);
            }
        }
        if let (Some(path), true) = (&path, self.f.parts.contains_key(&l)) {
            // The moved parts lose their flags; the Box's block is still its own part.
            self.set_part_owned(l, path, false);
            return;
        }
        self.emit(Op::SetOwned {
            local: l,
            owned: false,
        });
        let shell = self.box_shell(l);
        self.emit(Op::SetOwned {
            local: shell,
            owned: true,
        });
    }

    /// The hidden local that frees the block of Box local `l` once its value has moved out:
    /// it sits just after `l` in `l`'s scope, so it is dropped where `l` would have been.
    fn box_shell(&mut self, l: LocalId) -> LocalId {
        if let Some(&s) = self.f.box_shells.get(&l) {
            return s;
        }
        let slot = &self.f.locals[l as usize];
        let shell = LocalSlot {
            name: format!("({} block)", slot.name),
            ty: Ty::Box(Box::new(Ty::Unit)),
            off: slot.off,
            size: self.ptr.bytes(),
            hidden: true,
            part_of: None,
        };
        self.f.locals.push(shell);
        let id = self.f.locals.len() as LocalId - 1;
        for (ls, _) in self.f.scopes.iter_mut() {
            if let Some(i) = ls.iter().position(|&x| x == l) {
                ls.insert(i + 1, id);
                break;
            }
        }
        self.f.box_shells.insert(l, id);
        id
    }

    /// A moved place in `moves` that a use of `path` of `l` runs into: the place itself or
    /// one it lies in, else (the one seen last, as rustc picks it) a part of it. Reads of a
    /// Box's other fields are uses of those fields (`FnGen::box_use`), so a field of its
    /// value that moved out (`node.next`) conflicts only with uses that reach it.
    fn moved_conflict(&self, moves: &Moves, l: LocalId, path: &[u32]) -> Option<(FieldPath, Span)> {
        let mut partial: Option<(&FieldPath, Span)> = None;
        for ((ml, mp), at) in &moves.moved {
            if *ml != l {
                continue;
            }
            if path.starts_with(mp) {
                return Some((mp.clone(), *at));
            }
            if mp.starts_with(path) {
                let order = |p: &FieldPath| self.f.move_paths.get(&(l, p.clone())).copied();
                if partial.is_none_or(|(q, _)| order(mp) > order(q)) {
                    partial = Some((mp, *at));
                }
            }
        }
        partial.map(|(p, at)| (p.clone(), at))
    }

    /// Notes that the place `path` of `l` (and each place it lies in) is moved or assigned
    /// somewhere in the function.
    fn add_move_path(&mut self, l: LocalId, path: &[u32]) {
        for k in 0..=path.len() {
            let n = self.f.move_paths.len() as u32;
            self.f
                .move_paths
                .entry((l, path[..k].to_vec()))
                .or_insert(n);
        }
    }

    /// The type of the place `path` of local `l`.
    fn path_ty(&self, l: LocalId, path: &[u32]) -> Ty {
        let mut t = self.f.locals[l as usize].ty.clone();
        for &i in path {
            match part_ty(&t, i, self.ptr) {
                Some((_, ft)) => t = ft,
                None => return Ty::Error,
            }
        }
        t
    }

    /// The place `path` of local `l` as rustc names it: `p.inner.name`, `t.0`.
    fn path_name(&self, l: LocalId, path: &[u32]) -> String {
        let slot = &self.f.locals[l as usize];
        if path.is_empty() {
            return slot.name.clone();
        }
        if path.iter().all(|&x| x == BOX_VALUE) {
            // The value in a Box: `*b`.
            return format!("{}{}", "*".repeat(path.len()), slot.name);
        }
        format!("{}.{}", slot.name, path_text(&slot.ty, path, self.ptr))
    }

    #[allow(clippy::too_many_arguments)]
    fn report_moved(
        &mut self,
        l: LocalId,
        used: &[u32],
        moved: &[u32],
        use_span: Span,
        moved_at: Span,
        how: Use,
        in_loop: bool,
    ) {
        let decl_span = self.c.locals[self.f.id as usize][l as usize].span;
        let name = &self.f.locals[l as usize].name;
        let ty = &self.f.locals[l as usize].ty;
        let verb = if how == Use::Borrow { "borrow" } else { "use" };
        let done = if how == Use::Borrow {
            "value borrowed here after"
        } else {
            "value used here after"
        };
        // A part of the used place was moved out (not the place itself; the whole value in
        // a Box moved out is a move of the Box, as rustc words it).
        let partial =
            moved.len() > used.len() && moved[used.len()..].iter().any(|&x| x != BOX_VALUE);
        // A place in an `Option`'s payload has no name in rustc's messages.
        let named = |g: &Self, p: &[u32]| {
            if p.contains(&SOME_PAYLOAD) {
                String::new()
            } else {
                format!(": `{}`", g.path_name(l, p))
            }
        };
        let msg = if partial {
            format!("{verb} of partially moved value{}", named(self, used))
        } else if moved.len() > used.len() {
            format!("{verb} of moved value{}", named(self, used))
        } else {
            format!("{verb} of moved value{}", named(self, moved))
        };
        let mut d = Diagnostic::error(DiagnosticKind::Ownership, use_span, msg).with_code("E0382");
        if moved.is_empty() {
            d = d.with_label(
                decl_span,
                format!("move occurs because `{name}` has type `{ty}`, which does not implement the `Copy` trait"),
            );
        }
        let moved_label = if partial {
            "value partially moved here"
        } else if in_loop {
            "value moved here, in previous iteration of loop"
        } else {
            "value moved here"
        };
        if in_loop && use_span == moved_at {
            d = d.with_span_label(moved_label);
        } else {
            let kind = if partial { "partial move" } else { "move" };
            d = d
                .with_span_label(format!("{done} {kind}"))
                .with_label(moved_at, moved_label);
        }
        d = if moved.is_empty() {
            d.with_note(if ty.is_vec() {
                "a `Vec` has one owner; after a move, only the new owner may use it".to_string()
            } else {
                format!("a `{ty}` has one owner; after a move, only the new owner may use it")
            })
        } else {
            d.with_note(format!(
                "{} occurs because `{}` has type `{}`, which does not implement the `Copy` trait",
                if partial { "partial move" } else { "move" },
                self.path_name(l, moved),
                self.path_ty(l, moved)
            ))
        };
        if self
            .diags
            .iter()
            .any(|x| x.code.as_deref() == Some("E0382") && x.span == use_span)
        {
            return;
        }
        if !partial && used.len() > moved.len() {
            self.f.renames.push(Rename {
                diag: self.diags.len(),
                local: l,
                used: used.to_vec(),
                from: moved.len(),
                verb,
            });
        }
        self.diags.push(d);
    }

    /// Names the places of this function's use-after-move errors as rustc does: the
    /// longest part of the used place that is moved or assigned somewhere in the function.
    fn name_moved_places(&mut self) {
        for r in std::mem::take(&mut self.f.renames) {
            let k = (r.from..=r.used.len())
                .rev()
                .find(|&k| {
                    self.f
                        .move_paths
                        .contains_key(&(r.local, r.used[..k].to_vec()))
                })
                .unwrap_or(r.from);
            let name = self.path_name(r.local, &r.used[..k]);
            if let Some(d) = self.diags.get_mut(r.diag) {
                d.message = format!("{} of moved value: `{name}`", r.verb);
            }
        }
    }

    /// Evaluates a Vec-valued expression into the stack place `dest`.
    fn expr_into(&mut self, e: &Expr, dest: Dest) {
        if let (true, Ty::Ref(_, inner)) = (self.c.coercions.contains(&e.id), self.ty(e)) {
            if let Ty::Array(elem, n) = inner.autoderef() {
                // `&[T; N]` as `&[T]`: the array's address and its length.
                let at = self.span_id(e.span);
                self.push_dest(dest);
                self.deref_addr(e);
                self.emit(Op::Const(0));
                self.emit(Op::MakeSlice {
                    elem: elem.size(self.ptr),
                    array_len: *n as u32,
                    has_end: false,
                    inclusive: false,
                    at,
                });
                return;
            }
        }
        if self.c.coercions.contains(&e.id) {
            // `&String` as `&str` and `&Vec<T>` as `&[T]`: the pointer and length are the
            // first two fields of the metadata (and all of a `&str` or a slice).
            self.push_dest(dest);
            self.deref_addr(e);
            self.emit(Op::Copy(2 * self.ptr.bytes()));
            return;
        }
        let method = self.c.methods.get(&e.id).copied();
        match &e.kind {
            ExprKind::AddrOf { inner, .. }
                if matches!(self.ty(e), Ty::SliceRef(_) | Ty::SliceMut(_))
                    || matches!(self.ty(e), Ty::StrRef)
                        && matches!(&inner.kind, ExprKind::Index(_, i) if matches!(i.kind, ExprKind::Range { .. } | ExprKind::OpenRange { .. })) =>
            {
                let ExprKind::Index(base, idx) = &inner.kind else {
                    return;
                };
                let (start, end, inclusive) = match &idx.kind {
                    ExprKind::Range {
                        start,
                        end,
                        inclusive,
                    } => (Some(&**start), Some(&**end), *inclusive),
                    ExprKind::OpenRange {
                        start,
                        end,
                        inclusive,
                    } => (start.as_deref(), end.as_deref(), *inclusive),
                    _ => return,
                };
                let bt = self.ty(base).deref_all();
                if let Ty::String | Ty::StrRef = bt {
                    // `&s[a..b]`: checked as `str` checks it (bounds, char boundaries);
                    // rustc reports it at the `[`.
                    let at = self.span_id(Span {
                        start: base.span.end,
                        end: inner.span.end,
                    });
                    self.push_dest(dest);
                    self.deref_addr(base);
                    match start {
                        Some(s) => self.expr(s),
                        None => {
                            self.emit(Op::Const(0));
                        }
                    }
                    if let Some(x) = end {
                        self.expr(x);
                    }
                    self.emit(Op::StrSlice {
                        has_end: end.is_some(),
                        inclusive,
                        at,
                    });
                    return;
                }
                let (elem, array_len) = match &bt {
                    Ty::Array(el, n) => (el.size(self.ptr), *n as u32),
                    Ty::Vec(el) | Ty::SliceRef(el) | Ty::SliceMut(el) => {
                        (el.size(self.ptr), u32::MAX)
                    }
                    _ => return,
                };
                // rustc reports a bad range at the `[`, as for an index.
                let at = self.span_id(Span {
                    start: base.span.end,
                    end: inner.span.end,
                });
                self.push_dest(dest);
                self.value_addr(base);
                match start {
                    Some(s) => self.expr(s),
                    None => {
                        self.emit(Op::Const(0));
                    }
                }
                if let Some(x) = end {
                    self.expr(x);
                }
                self.emit(Op::MakeSlice {
                    elem,
                    array_len,
                    has_end: end.is_some(),
                    inclusive,
                    at,
                });
            }
            ExprKind::Binary(BinOp::Add, l, r) if matches!(self.ty(e), Ty::String) => {
                // `s + "text"` takes `s` and appends to its buffer.
                self.expr_into(l, dest);
                let (label, at) = self.allocating_into(dest, "String", e.span);
                self.value_addr(r);
                self.emit(Op::StringPushStr { label, at });
            }
            ExprKind::Str(text) => {
                let off = self.literal(text);
                self.push_dest(dest);
                self.emit(Op::StrLit {
                    off,
                    len: text.len() as u32,
                });
            }
            ExprKind::Format {
                mac: FormatMacro::Format,
                args,
                ..
            } => {
                let label = self.alloc_label(dest, "format!");
                self.push_dest(dest);
                self.format_label = label;
                self.format(e, FormatMacro::Format, args);
            }
            ExprKind::Call(callee, args)
                if self.c.res.get(&callee.id) == Some(&Res::BoxNew) && args.len() == 1 =>
            {
                // The value is made first (in a temporary), then the block is allocated and
                // the value's bytes moved into it.
                let Ty::Box(inner) = self.ty(e) else { return };
                let (size, align) = self.layout(inner);
                let before = self.f.depth;
                let tmp = self.reserve(size, align);
                let owner = self.label_text(dest, "Box::new");
                let owned = owner.starts_with('`');
                if owned {
                    let name = owner.trim_matches('`').to_string();
                    self.f.boxing.push((tmp, (**inner).clone(), name));
                }
                self.value_into(&args[0], inner, Dest::Local(tmp));
                if owned {
                    self.f.boxing.pop();
                }
                let (label, at) = self.allocating_into(dest, "Box::new", e.span);
                self.emit(Op::AddrLocal(tmp));
                self.emit(Op::BoxNew {
                    size,
                    align,
                    label,
                    at,
                });
                self.set_stack(before);
            }
            ExprKind::Call(callee, args)
                if matches!(
                    self.c.res.get(&callee.id),
                    Some(Res::StringNew | Res::StringFrom | Res::StringWithCapacity)
                ) =>
            {
                match self.c.res.get(&callee.id) {
                    Some(Res::StringNew) => {
                        self.push_dest(dest);
                        self.emit(Op::VecNew { align: 1 });
                    }
                    Some(Res::StringWithCapacity) => {
                        let (label, at) =
                            self.allocating_into(dest, "String::with_capacity", e.span);
                        self.expr(&args[0]);
                        self.emit(Op::VecWithCapacity { elem: 1, label, at });
                    }
                    _ => {
                        let (label, at) = self.allocating_into(dest, "String::from", e.span);
                        self.value_addr(&args[0]);
                        self.emit(Op::StringFrom { label, at });
                    }
                }
            }
            ExprKind::MethodCall { receiver, .. } if method == Some(Method::DeepClone) => {
                let t = self.ty(e);
                let glue = self.clone_glue(t);
                let (label, at) = self.allocating_into(dest, "clone", e.span);
                self.value_addr(receiver);
                self.emit(Op::CloneValue { glue, label, at });
            }
            ExprKind::MethodCall { receiver, .. } if method == Some(Method::CloneBuffer) => {
                let rt = self.ty(receiver);
                if let Ty::Vec(et) = rt.deref_all() {
                    if et.needs_drop() {
                        // Types are only all known here: elements that own memory are cloned
                        // one by one.
                        let t = self.ty(e);
                        let glue = self.clone_glue(t);
                        let (label, at) = self.allocating_into(dest, "clone", e.span);
                        self.value_addr(receiver);
                        self.emit(Op::CloneValue { glue, label, at });
                        return;
                    }
                }
                let elem = self.elem_size(rt);
                let align = match rt.deref_all() {
                    Ty::Vec(et) => self.layout(et).1 as u8,
                    _ => 1,
                };
                let (label, at) = self.allocating_into(dest, "clone", e.span);
                self.vec_addr(receiver);
                self.emit(Op::CloneBuffer {
                    elem,
                    align,
                    label,
                    at,
                });
            }
            ExprKind::MethodCall { receiver, .. }
                if method == Some(Method::ToString)
                    && self.ty(receiver).deref_all().is_scalar() =>
            {
                // `5.to_string()`: the text as `{}` writes it. Signed integers reserve room
                // for their longest value (plus the sign when negative), as the standard
                // library does; other values get exactly their length.
                let rt = self.ty(receiver).deref_all();
                let (label, at) = self.allocating_into(dest, "to_string", e.span);
                self.expr(receiver);
                let mut inner = self.ty(receiver);
                while let Ty::Ref(_, i) = inner {
                    let ty = self.scalar(i);
                    self.emit(Op::LoadAt(ty));
                    inner = i;
                }
                self.formats.push(vec![FmtPiece::Arg {
                    value: 0,
                    spec: Spec::default(),
                    ty: rt.clone(),
                }]);
                let format = self.formats.len() as u32 - 1;
                let digits = match rt {
                    Ty::Int(i) if i.signed() => match i.size(self.ptr) {
                        1 => 3,
                        2 => 5,
                        4 => 10,
                        _ => 19,
                    },
                    _ => 0,
                };
                self.emit(Op::ScalarToString {
                    format,
                    digits,
                    label,
                    at,
                });
            }
            ExprKind::MethodCall { receiver, .. }
                if matches!(method, Some(Method::AsStr | Method::AsBytes | Method::Trim)) =>
            {
                // A view of the text: its pointer and length (trimmed by `trim`).
                self.push_dest(dest);
                self.deref_addr(receiver);
                if method == Some(Method::Trim) {
                    self.emit(Op::StrTrim);
                } else {
                    self.emit(Op::Copy(2 * self.ptr.bytes()));
                }
            }
            ExprKind::MethodCall { receiver, .. }
                if matches!(method, Some(Method::ToUppercase | Method::ToLowercase)) =>
            {
                let upper = method == Some(Method::ToUppercase);
                let what = if upper {
                    "to_uppercase"
                } else {
                    "to_lowercase"
                };
                let (label, at) = self.allocating_into(dest, what, e.span);
                self.deref_addr(receiver);
                self.emit(Op::StrChangeCase { upper, label, at });
            }
            ExprKind::MethodCall { receiver, .. } if method == Some(Method::Take) => {
                // The value moves out, and `None` is written where it was.
                let ot = self.option_ty(receiver);
                let Some(l) = option_layout(ot, self.ptr) else {
                    return;
                };
                self.push_dest(dest);
                self.deref_addr(receiver);
                self.emit(Op::Copy(l.size));
                let (off, size, value) = match l.disc {
                    Disc::Tag => (0, 1, 0),
                    Disc::Niche { off, size, value } => (off, size, value),
                };
                self.emit(Op::Const(value));
                self.deref_addr(receiver);
                if off > 0 {
                    self.emit(Op::Offset(off));
                }
                self.emit(Op::StoreAt(size as u8));
            }
            ExprKind::MethodCall { receiver, .. } if method == Some(Method::PopChar) => {
                self.push_dest(dest);
                self.deref_addr(receiver);
                self.emit(Op::StringPop);
            }
            ExprKind::MethodCall { receiver, .. } if method == Some(Method::ToString) => {
                let (label, at) = self.allocating_into(dest, "to_string", e.span);
                self.value_addr(receiver);
                self.emit(Op::StringFrom { label, at });
            }
            ExprKind::Path(_) if self.c.res.get(&e.id) == Some(&Res::NoneVal) => {
                let t = self.ty(e);
                self.write_disc(dest, t, false);
            }
            ExprKind::Path(_) => {
                if let Some(l) = self.use_local(e, true) {
                    let off = self.f.locals[l as usize].off;
                    let size = self.f.locals[l as usize].size;
                    self.push_dest(dest);
                    self.copy_from_local(off, size);
                    if !self.f.locals[l as usize].ty.is_copy() {
                        self.set_owned(l, false);
                    }
                }
            }
            ExprKind::StructLit { fields, base, .. } => {
                let t = self.ty(e);
                let layout = t.fields(self.ptr);
                let offset_of =
                    |name: &str| layout.iter().find(|f| f.0 == name).map(|f| (&f.1, f.2));
                let mut given = Vec::new();
                for (name, _, v) in fields {
                    let Some((ft, off)) = offset_of(name) else {
                        continue;
                    };
                    given.push(name.clone());
                    self.value_into(v, ft, dest.at(off));
                }
                if let Some(b) = base {
                    let takes_owner = layout
                        .iter()
                        .any(|(name, ft, _)| !given.contains(name) && !ft.is_copy());
                    // A local's fields are used one by one: a field moved out before and
                    // written out here is not needed (`P { name, ..p }` after `p.name`
                    // moved).
                    let base_place = self.static_path(b);
                    let addr_off = match (&base_place, takes_owner) {
                        (Some((l, path, off)), _) => {
                            // The fields not written out move out of the base (or are
                            // copied): what they own now belongs to the new value.
                            for (i, (name, ft, _)) in layout.iter().enumerate() {
                                if given.contains(name) {
                                    continue;
                                }
                                let mut fpath = path.clone();
                                fpath.push(i as u32);
                                let how = if ft.is_copy() { Use::Copy } else { Use::Move };
                                self.use_path(*l, &fpath, e.span, how);
                                if !ft.is_copy() {
                                    self.set_part_owned(*l, &fpath, false);
                                }
                            }
                            Some(*off)
                        }
                        (None, true) => {
                            // A temporary whose owning fields all move: nothing left to drop.
                            let bt = self.ty(b);
                            let (size, align) = self.layout(bt);
                            let off = self.reserve(size, align);
                            self.expr_into(b, Dest::Local(off));
                            Some(off)
                        }
                        _ => self.value_addr_local(b),
                    };
                    for (name, ft, off) in &layout {
                        if given.contains(name) {
                            continue;
                        }
                        let Some(src) = addr_off else { continue };
                        let size = ft.size(self.ptr);
                        self.push_dest(dest.at(*off));
                        self.copy_from_local(src + off, size);
                    }
                }
            }
            ExprKind::Tuple(items) => {
                let t = self.ty(e);
                let layout = t.fields(self.ptr);
                for (v, (_, ft, off)) in items.iter().zip(layout) {
                    self.value_into(v, &ft, dest.at(off));
                }
            }
            ExprKind::ArrayList(items) => {
                let Ty::Array(elem, _) = self.ty(e) else {
                    return;
                };
                let size = elem.size(self.ptr);
                for (i, v) in items.iter().enumerate() {
                    self.value_into(v, elem, dest.at(i as u32 * size));
                }
            }
            ExprKind::ArrayRepeat(v, n) => {
                let Ty::Array(elem, _) = self.ty(e) else {
                    return;
                };
                if *n == 0 {
                    self.expr_discard(v);
                    return;
                }
                let size = elem.size(self.ptr);
                self.value_into(v, elem, dest);
                if *n > 1 && size > 0 {
                    self.push_dest(dest);
                    self.emit(Op::Fill {
                        size,
                        count: *n as u32,
                    });
                }
            }
            ExprKind::Field { .. } | ExprKind::Deref(_)
                if !self.ty(e).is_copy() && self.part_place(e).is_some() =>
            {
                // Moving a part of a Box's value out (`b.name`, `*b`, `o.b.next`): only the
                // parts inside it move; the rest, and the Box's block, stay with the local.
                let Some((l, path)) = self.part_place(e) else {
                    return;
                };
                let size = self.ty(e).size(self.ptr);
                self.push_dest(dest);
                self.path_addr(l, &path);
                self.emit(Op::Copy(size));
                self.use_path(l, &path, e.span, Use::Move);
                self.set_part_owned(l, &path, false);
            }
            ExprKind::Field { .. } | ExprKind::Deref(_)
                if !self.ty(e).is_copy() && self.box_move(e).is_some() =>
            {
                self.move_out_of_box(e, dest);
            }
            ExprKind::Field { .. } if !self.ty(e).is_copy() && self.is_static_place(e) => {
                // Moving a field out of a local (`p.name`, `self.items`, `t.0`): only that
                // part moves; the rest of the local is still dropped at its end.
                let Some((l, path, off)) = self.static_path(e) else {
                    return;
                };
                let size = self.ty(e).size(self.ptr);
                self.use_path(l, &path, e.span, Use::Move);
                self.push_dest(dest);
                self.copy_from_local(off, size);
                self.set_part_owned(l, &path, false);
            }
            ExprKind::Field { .. } | ExprKind::Index(..) | ExprKind::Deref(_) => {
                let t = self.ty(e);
                if !t.is_copy() && self.move_out_of_temporary(e, dest) {
                    return;
                }
                if !t.is_copy() {
                    let d = self.move_out_error(e).unwrap_or_else(|| {
                        let what = if self.through_box(e) {
                            "moving part of a Box's value out while other parts of it own memory (or out of a Box that is not a variable)"
                        } else {
                            "moving a value that is not `Copy` out of a field or an element"
                        };
                        Diagnostic::error(
                            DiagnosticKind::Unsupported,
                            e.span,
                            format!("{what} is not supported yet"),
                        )
                    });
                    self.diags.push(d);
                    return;
                }
                self.push_dest(dest);
                self.place_addr(e);
                self.emit(Op::Copy(t.size(self.ptr)));
            }
            ExprKind::Call(callee, args)
                if self.c.res.get(&callee.id) == Some(&Res::SomeCtor) && args.len() == 1 =>
            {
                let t = self.ty(e);
                let Some(l) = option_layout(t, self.ptr) else {
                    return;
                };
                if let Ty::Option(inner) = &t {
                    self.value_into(&args[0], inner, dest.at(l.payload));
                }
                self.write_disc(dest, t, true);
            }
            ExprKind::Match { scrutinee, arms } => self.match_expr(e, scrutinee, arms, Some(dest)),
            ExprKind::MethodCall { receiver, args, .. }
                if method == Some(Method::Char(CharFn::ToDigit)) =>
            {
                // `Some(digit)` or `None` (the machine's `u64::MAX`).
                let t = self.ty(e);
                self.char_fn(e, receiver, args, CharFn::ToDigit);
                let tmp = self.reserve(8, 8);
                self.emit(Op::Store { off: tmp, size: 8 });
                let u64_ty = self.scalar(&Ty::Int(IntTy::U64));
                self.emit(Op::Load {
                    off: tmp,
                    ty: u64_ty,
                });
                self.emit(Op::Const(u64::MAX));
                self.emit(Op::Cmp {
                    op: Cmp::Eq,
                    signed: false,
                });
                let some = self.emit(Op::JumpIfFalse(0));
                self.write_disc(dest, t, false);
                let end = self.emit(Op::Jump(0));
                self.patch_here(some);
                let payload = option_layout(t, self.ptr).map_or(0, |l| l.payload);
                let u32_ty = self.scalar(&Ty::Int(IntTy::U32));
                self.emit(Op::Load {
                    off: tmp,
                    ty: u32_ty,
                });
                match dest.at(payload) {
                    Dest::Local(o) => {
                        self.emit(Op::Store { off: o, size: 4 });
                    }
                    d => {
                        self.push_dest(d);
                        self.emit(Op::StoreAt(4));
                    }
                }
                self.write_disc(dest, t, true);
                self.patch_here(end);
            }
            ExprKind::MethodCall { receiver, .. } if method == Some(Method::Pop) => {
                let t = self.ty(e);
                self.pop_into(receiver, dest, t);
            }
            ExprKind::MethodCall { receiver, .. }
                if matches!(
                    method,
                    Some(Method::AsRef | Method::AsMut | Method::First | Method::Last)
                ) =>
            {
                let t = self.ty(e);
                let m = self.c.methods[&e.id];
                self.some_ref_into(e, receiver, m, dest, t);
            }
            ExprKind::MethodCall {
                receiver,
                method_span,
                ..
            } if method == Some(Method::Unwrap) => {
                let t = self.ty(e);
                let payload = self.unwrap_check(receiver, *method_span);
                self.push_dest(dest);
                self.copy_from_local(payload, t.size(self.ptr));
            }
            ExprKind::MethodCall { receiver, args, .. }
                if self.c.method_fns.contains_key(&e.id) =>
            {
                let (f, mode) = self.c.method_fns[&e.id];
                let slot = self.call_with(e, f, Some((receiver, mode)), args);
                let size = self.c.sigs[f as usize].ret.size(self.ptr);
                self.push_dest(dest);
                self.copy_from_local(slot, size);
                self.set_stack(slot);
            }
            ExprKind::MethodCall { receiver, .. } => {
                // `.clone()` of a value whose bytes are its clone.
                let t = self.ty(e);
                let off = self.value_addr_local(receiver);
                self.push_dest(dest);
                match off {
                    Some(off) => {
                        self.emit(Op::AddrLocal(off));
                    }
                    None => self.place_addr(receiver),
                }
                self.emit(Op::Copy(t.size(self.ptr)));
            }
            ExprKind::VecList(items) => {
                let t = self.ty(e);
                let elem = self.elem_size(t);
                let (label, at) = self.allocating_into(dest, "vec!", e.span);
                self.emit(Op::VecAllocLiteral {
                    n: items.len() as u32,
                    elem,
                    label,
                    at,
                });
                let et: &Ty = match t {
                    Ty::Vec(et) => et,
                    _ => &Ty::Error,
                };
                if et.is_mem() {
                    // Each element is built in a stack slot, then copied into the block; what
                    // it allocates is owned through the Vec's owner (`v[0]`, `v[1].name`).
                    let (size, align) = self.layout(et);
                    let tmp = self.reserve(size, align);
                    let owner = self.label_text(dest, "vec!");
                    let owner = owner
                        .starts_with('`')
                        .then(|| owner.trim_matches('`').to_string());
                    for (i, it) in items.iter().enumerate() {
                        if let Some(name) = &owner {
                            self.f
                                .boxing
                                .push((tmp, et.clone(), format!("{name}[{i}]")));
                        }
                        self.expr_into(it, Dest::Local(tmp));
                        if owner.is_some() {
                            self.f.boxing.pop();
                        }
                        self.emit(Op::AddrLocal(tmp));
                        self.emit(Op::VecInitCopy {
                            index: i as u32,
                            elem,
                        });
                    }
                } else {
                    for (i, it) in items.iter().enumerate() {
                        self.expr(it);
                        self.emit(Op::VecInitElement {
                            index: i as u32,
                            elem,
                        });
                    }
                }
                self.emit(Op::VecFinishLiteral {
                    n: items.len() as u32,
                    elem,
                });
            }
            ExprKind::VecRepeat(value, count) if matches!(self.ty(e), Ty::Vec(et) if !et.is_scalar()) =>
            {
                self.vec_repeat_clones(e, value, count, dest);
            }
            ExprKind::VecRepeat(value, count) => {
                let t = self.ty(e);
                let elem = self.elem_size(t);
                let (label, at) = self.allocating_into(dest, "vec!", e.span);
                self.expr(value);
                self.expr(count);
                self.emit(Op::VecRepeat { elem, label, at });
            }
            ExprKind::Call(callee, args) => match self.c.res.get(&callee.id).cloned() {
                Some(Res::TupleCtor) => {
                    let t = self.ty(e);
                    let layout = t.fields(self.ptr);
                    for (v, (_, ft, off)) in args.iter().zip(layout) {
                        self.value_into(v, &ft, dest.at(off));
                    }
                }
                Some(Res::VecNew) => {
                    let t = self.ty(e);
                    let align = match &t {
                        Ty::Vec(et) => self.layout(et).1 as u8,
                        _ => 1,
                    };
                    self.push_dest(dest);
                    self.emit(Op::VecNew { align });
                }
                Some(Res::VecWithCapacity) => {
                    let t = self.ty(e);
                    let elem = self.elem_size(t);
                    let (label, at) = self.allocating_into(dest, "Vec::with_capacity", e.span);
                    self.expr(&args[0]);
                    self.emit(Op::VecWithCapacity { elem, label, at });
                }
                Some(Res::Fn(f)) => {
                    let slot = self.call(e, f, args);
                    let size = self.c.sigs[f as usize].ret.size(self.ptr);
                    self.push_dest(dest);
                    self.copy_from_local(slot, size);
                    self.set_stack(slot);
                }
                _ => {}
            },
            ExprKind::Block(b) => self.block_body(b, Some(dest), false, &Ty::Unit),
            ExprKind::If(cond, then, els) => {
                self.expr(cond);
                let jf = self.emit(Op::JumpIfFalse(0));
                let before = self.f.moves.clone();
                self.block_body(then, Some(dest), false, &Ty::Unit);
                let after_then = std::mem::replace(&mut self.f.moves, before);
                let j = self.emit(Op::Jump(0));
                self.patch_here(jf);
                if let Some(els) = els {
                    self.expr_into(els, dest);
                }
                self.f.moves.merge(&after_then);
                self.patch_here(j);
            }
            ExprKind::Loop(body) => self.loop_expr(e, body, Some(dest)),
            _ => {
                // Diverging expressions (`return`, `panic!`, ...) of Vec type.
                self.expr(e);
            }
        }
    }

    /// Evaluates `e` of type `t` into `dest`: in memory for memory types, through a register
    /// for scalars.
    fn value_into(&mut self, e: &Expr, t: &Ty, dest: Dest) {
        if t.is_mem() {
            self.expr_into(e, dest);
            return;
        }
        if !t.is_scalar() {
            self.expr_discard(e);
            return;
        }
        self.expr(e);
        let size = self.scalar(t).size;
        match dest {
            Dest::Local(off) => {
                self.emit(Op::Store { off, size });
            }
            d => {
                self.push_dest(d);
                self.emit(Op::StoreAt(size));
            }
        }
    }

    /// The frame offset of a value: a local's, a field of a local's, or a temporary made for
    /// it. `None` when the value sits behind an address only known at run time.
    fn value_addr_local(&mut self, e: &Expr) -> Option<u32> {
        if self.is_static_place(e) {
            return self.static_place(e).map(|p| p.1);
        }
        if self.is_place(e) {
            // Behind a computed address: a copy of its bytes (only `Copy` parts are read).
            let t = self.ty(e);
            let (size, align) = self.layout(t);
            let off = self.reserve(size, align);
            self.emit(Op::AddrLocal(off));
            self.place_addr(e);
            self.emit(Op::Copy(size));
            return Some(off);
        }
        Some(self.temp(e))
    }

    /// rustc's error for moving a value that is not `Copy` out of the place `e` that cannot
    /// give it up: behind a reference (E0507), an element of a Vec (E0507) or of an array or
    /// slice (E0508). `None` for places the engine does not handle (a `Box`'s value).
    fn move_out_error(&self, e: &Expr) -> Option<Diagnostic> {
        let t = self.ty(e);
        let behind = |g: &Self, x: &Expr| match g.ty(x) {
            Ty::Ref(m, _) => Some(*m),
            Ty::SliceRef(_) | Ty::StrRef => Some(false),
            _ => None,
        };
        // Moving out of an element (or a part of one, `v[0].name`) of a Vec, an array or a
        // slice.
        let index_error = |g: &Self, base: &Expr| {
            match g.ty(base).deref_all() {
            Ty::Vec(_) => Some((
                "E0507",
                format!("cannot move out of index of `{}`", g.ty(base).deref_all()),
                format!("move occurs because value has type `{t}`, which does not implement the `Copy` trait"),
            )),
            Ty::Array(..) | Ty::SliceRef(_) => {
                let whole = match g.ty(base).deref_all() {
                    Ty::SliceRef(el) => format!("[{el}]"),
                    other => other.to_string(),
                };
                let kind = if whole.contains(';') { "array" } else { "slice" };
                Some((
                    "E0508",
                    format!("cannot move out of type `{whole}`, a non-copy {kind}"),
                    format!("move occurs because the element has type `{t}`, which does not implement the `Copy` trait"),
                ))
            }
            _ => None,
        }
        };
        let (code, msg, label) = match &e.kind {
            ExprKind::Index(base, _) => index_error(self, base)?,
            ExprKind::Deref(inner) | ExprKind::Field { base: inner, .. } => {
                // The nearest reference (or element) on the way to the place.
                let mut x: &Expr = inner;
                let mutable = loop {
                    if let Some(m) = behind(self, x) {
                        break m;
                    }
                    match &x.kind {
                        ExprKind::Field { base, .. } => x = base,
                        ExprKind::Deref(b) if matches!(self.ty(b), Ty::Box(_)) => x = b,
                        ExprKind::Index(base, _) => {
                            let (code, msg, label) = index_error(self, base)?;
                            return Some(
                                Diagnostic::error(DiagnosticKind::Ownership, e.span, msg)
                                    .with_code(code)
                                    .with_span_label(label)
                                    .with_note(
                                        "borrow it (`&`) or `.clone()` it instead of moving it out",
                                    ),
                            );
                        }
                        _ => return None,
                    }
                };
                let shown = check::place_text(e);
                let how = if mutable { "mutable" } else { "shared" };
                (
                    "E0507",
                    format!("cannot move out of `{shown}` which is behind a {how} reference"),
                    format!("move occurs because `{shown}` has type `{t}`, which does not implement the `Copy` trait"),
                )
            }
            _ => return None,
        };
        Some(
            Diagnostic::error(DiagnosticKind::Ownership, e.span, msg)
                .with_code(code)
                .with_span_label(label)
                .with_note("borrow it (`&`) or `.clone()` it instead of moving it out"),
        )
    }

    /// Whether the place `e` lies in the value of a Box (`b.name`, `(*b).name`, `b.x.y`).
    fn through_box(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Deref(inner) => {
                matches!(self.ty(inner), Ty::Box(_)) || self.through_box(inner)
            }
            ExprKind::Field { base, .. } => {
                matches!(self.ty(base), Ty::Box(_)) || self.through_box(base)
            }
            _ => false,
        }
    }

    /// A local, or a field of a field ... of a local: the local and the frame offset. Records
    /// a use of the place (a borrow, not a move).
    fn static_place(&mut self, e: &Expr) -> Option<(LocalId, u32)> {
        self.static_place_as(e, Use::Borrow)
    }

    /// [`Self::static_place`], recording the use as `how`.
    fn static_place_as(&mut self, e: &Expr, how: Use) -> Option<(LocalId, u32)> {
        let (l, path, off) = self.static_path(e)?;
        self.use_path(l, &path, e.span, how);
        Some((l, off))
    }

    /// A local, or a field of a field ... of a local (not through a reference): the local,
    /// the field path and the frame offset. Records nothing.
    fn static_path(&self, e: &Expr) -> Option<(LocalId, FieldPath, u32)> {
        if !self.is_static_place(e) {
            return None;
        }
        match &e.kind {
            ExprKind::Path(_) => {
                let l = self.local_res(e)?;
                Some((l, Vec::new(), self.f.locals[l as usize].off))
            }
            ExprKind::Field { base, name, .. } => {
                let bt = self.ty(base);
                let (i, (_, _, foff)) = bt
                    .fields(self.ptr)
                    .into_iter()
                    .enumerate()
                    .find(|(_, f)| &f.0 == name)?;
                let (l, mut path, off) = self.static_path(base)?;
                path.push(i as u32);
                Some((l, path, off + foff))
            }
            _ => None,
        }
    }

    /// How a local or a field of one reads in labels: `t.scores`.
    fn place_name(&self, e: &Expr) -> Option<String> {
        match &e.kind {
            ExprKind::Path(_) => {
                let l = self.local_res(e)?;
                Some(self.f.locals[l as usize].name.clone())
            }
            ExprKind::Field { base, name, .. } => {
                Some(format!("{}.{name}", self.place_name(base)?))
            }
            _ => None,
        }
    }

    fn is_static_place(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Path(_) => self.local_res(e).is_some(),
            ExprKind::Field { base, .. } => {
                !matches!(self.ty(base), Ty::Ref(..) | Ty::Box(_)) && self.is_static_place(base)
            }
            _ => false,
        }
    }

    /// Whether `e` names memory that can be read in place: a local, a field or an element of
    /// one, a Vec element.
    fn is_place(&self, e: &Expr) -> bool {
        if self.f.materialized.contains_key(&e.id) {
            return true;
        }
        match &e.kind {
            ExprKind::Path(_) => self.local_res(e).is_some(),
            ExprKind::Deref(_) => true,
            ExprKind::Field { base, .. } => {
                let bt = self.ty(base);
                matches!(bt, Ty::Ref(..)) || bt.is_mem() || self.is_place(base)
            }
            ExprKind::Index(base, _) => match self.ty(base) {
                Ty::Array(..) => self.is_place(base),
                Ty::Vec(_) | Ty::Ref(..) | Ty::SliceRef(_) | Ty::SliceMut(_) | Ty::Box(_) => true,
                _ => false,
            },
            _ => false,
        }
    }

    /// The label for a new block: who will own it.
    fn alloc_label(&mut self, dest: Dest, what: &str) -> u32 {
        let text = self.label_text(dest, what);
        self.label(text)
    }

    /// Before an op that allocates a block for the value it writes at `dest`: the block's
    /// label and the op's span, with `dest`'s address pushed.
    fn allocating_into(&mut self, dest: Dest, what: &str, span: Span) -> (u32, u32) {
        let label = self.alloc_label(dest, what);
        let at = self.span_id(span);
        self.push_dest(dest);
        (label, at)
    }

    /// The text of [`Gen::alloc_label`]: the owner's path in backquotes, or what made it.
    fn label_text(&self, dest: Dest, what: &str) -> String {
        match dest {
            Dest::Ret | Dest::RetAt(_) => format!(
                "{what} returned by `{}`",
                self.c.sigs[self.f.id as usize].name
            ),
            Dest::Local(off) => {
                // Inside a value being made for a Box that has an owner: owned through it.
                let boxed = self.f.boxing.iter().rev().find_map(|(at, ty, name)| {
                    owner_paths(ty, self.ptr, *at, name, true)
                        .into_iter()
                        .find(|(o, _)| *o == off)
                        .map(|(_, p)| p)
                });
                let owner = boxed.or_else(|| {
                    self.f
                        .scopes
                        .iter()
                        .flat_map(|s| s.0.iter())
                        .rev()
                        .map(|&l| &self.f.locals[l as usize])
                        .filter(|l| !l.hidden && l.ty.needs_drop())
                        .find_map(|l| {
                            owner_paths(&l.ty, self.ptr, l.off, &l.name, true)
                                .into_iter()
                                .find(|(o, _)| *o == off)
                                .map(|(_, p)| p)
                        })
                });
                match owner {
                    Some(p) => format!("`{p}`"),
                    None => format!("a temporary {what}"),
                }
            }
        }
    }

    /// Emits a call: reserves the return slot, writes the arguments into the callee's frame,
    /// calls, and leaves the slot reserved. Returns the slot's offset.
    fn call(&mut self, e: &Expr, f: u32, args: &[Expr]) -> u32 {
        self.call_with(e, f, None, args)
    }

    /// A call, with a method's receiver (and how it is passed) as the first argument.
    fn call_with(
        &mut self,
        e: &Expr,
        f: u32,
        recv: Option<(&Expr, SelfMode)>,
        args: &[Expr],
    ) -> u32 {
        let sig = &self.c.sigs[f as usize];
        let ret = &sig.ret;
        let params = &sig.params;
        let (ret_size, ret_align) = if ret.is_scalar() || ret.is_mem() {
            self.layout(ret)
        } else {
            (0, 1)
        };
        let slot = align_up(self.f.depth, ret_align);
        if ret_size > 0 {
            self.set_stack(slot + ret_size);
        }
        let base = align_up(self.f.depth, 8);
        let mut off = base;
        let mut params = &params[..];
        if let (Some((r, mode)), Some(p)) = (recv, params.first()) {
            let (size, align) = self.layout(p);
            off = align_up(off, align);
            self.set_stack(off + size);
            match mode {
                SelfMode::Pass | SelfMode::Ref { .. } => {
                    // The receiver's address, through its references and Boxes.
                    self.deref_addr(r);
                    self.emit(Op::ToRef);
                    self.emit(Op::Store {
                        off,
                        size: size as u8,
                    });
                }
                SelfMode::Value
                    if matches!(self.ty(r), Ty::Box(ref v) if !v.is_copy())
                        && matches!(r.kind, ExprKind::Path(_)) =>
                {
                    // `b.consume()` on a Box moves the value out of it.
                    if let Some(l) = self.local_res(r) {
                        self.move_from_box(r, l, 0, None, r.span, Dest::Local(off));
                    }
                }
                SelfMode::Value if matches!(self.ty(r), Ty::Box(ref v) if !v.is_copy()) => {
                    self.diags.push(Diagnostic::error(
                        DiagnosticKind::Unsupported,
                        r.span,
                        "moving the value out of a Box that is not a variable is not supported yet",
                    ));
                }
                SelfMode::Value if matches!(self.ty(r), Ty::Ref(..) | Ty::Box(_)) => {
                    // A `self` method called on a reference or a Box copies the value it
                    // points to.
                    self.emit(Op::AddrLocal(off));
                    self.deref_addr(r);
                    self.emit(Op::Copy(size));
                }
                SelfMode::Value => self.value_into(r, p, Dest::Local(off)),
            }
            off += size;
            params = &params[1..];
        }
        for (a, p) in args.iter().zip(params) {
            let (size, align) = self.layout(p);
            off = align_up(off, align);
            self.set_stack(off + size);
            if p.is_mem() {
                self.expr_into(a, Dest::Local(off));
            } else {
                self.expr(a);
                let size = self.scalar(p).size;
                self.emit(Op::Store { off, size });
            }
            off += size;
        }
        // Temporaries the arguments borrow (`f(&String::from("x"))`) were made above the
        // arguments: the arguments are copied above them, so that the callee's frame
        // (which starts at its first argument) leaves them alone, and they stay until
        // the end of the statement.
        let (base, after) = if self.f.depth > off {
            let moved = align_up(self.f.depth, 8);
            let kept = self.f.depth;
            self.set_stack(moved + (off - base));
            if off > base {
                self.emit(Op::AddrLocal(moved));
                self.copy_from_local(base, off - base);
            }
            (moved, kept)
        } else {
            (base, slot + ret_size)
        };
        self.emit(Op::Call {
            func: f,
            base,
            slot,
            slot_size: ret_size,
        });
        let site = self.step(e.span, StepKind::Resume);
        self.f.pending_sites.push(site);
        self.f.depth = after;
        slot
    }

    /// Evaluates a scalar expression into a register (unit expressions push nothing); a
    /// reference coerced to the value behind it (`&Box<T>` as `&T`) is read through.
    fn expr(&mut self, e: &Expr) {
        self.expr_value(e);
        if let Some(&n) = self.c.ref_coercions.get(&e.id) {
            let ty = self.pointer_scalar();
            for _ in 0..n {
                self.emit(Op::LoadAt(ty));
            }
        }
    }

    /// [`Gen::expr`] without the coercion.
    fn expr_value(&mut self, e: &Expr) {
        let t = self.ty(e);
        let new_mem = match &e.kind {
            ExprKind::StructLit { .. }
            | ExprKind::Tuple(_)
            | ExprKind::ArrayList(_)
            | ExprKind::ArrayRepeat(..) => true,
            ExprKind::Field { .. }
            | ExprKind::Index(..)
            | ExprKind::MethodCall { .. }
            | ExprKind::Deref(_) => t.is_mem(),
            ExprKind::Call(callee, _) => matches!(
                self.c.res.get(&callee.id),
                Some(
                    Res::TupleCtor
                        | Res::SomeCtor
                        | Res::BoxNew
                        | Res::StringNew
                        | Res::StringFrom
                        | Res::StringWithCapacity
                )
            ),
            ExprKind::Path(_) => self.c.res.get(&e.id) == Some(&Res::NoneVal),
            ExprKind::Match { .. } => t.is_mem(),
            ExprKind::AddrOf { .. } => t.is_mem(),
            ExprKind::Binary(BinOp::Add, ..) => *t == Ty::String,
            ExprKind::Str(_) => true,
            ExprKind::Format {
                mac: FormatMacro::Format,
                ..
            } => true,
            _ => false,
        };
        if new_mem {
            let _ = self.temp(e);
            return;
        }
        match &e.kind {
            ExprKind::Error | ExprKind::Str(_) | ExprKind::OpenRange { .. } => {}
            ExprKind::Char(c) => {
                self.emit(Op::Const(*c as u64));
            }
            ExprKind::ByteStr(bytes) => {
                // The bytes' address in the read-only block: a literal's pointer, made in a
                // slot as for a `&str`, and read back.
                let off = self.literal_bytes(bytes);
                let w = self.ptr.bytes();
                let tmp = self.reserve(2 * w, w);
                self.emit(Op::AddrLocal(tmp));
                self.emit(Op::StrLit {
                    off,
                    len: bytes.len() as u32,
                });
                let ty = self.scalar(t);
                self.emit(Op::Load { off: tmp, ty });
            }
            ExprKind::Match { scrutinee, arms } => self.match_expr(e, scrutinee, arms, None),
            ExprKind::Field { .. } => {
                let ty = self.scalar(t);
                if self.is_static_place(e) {
                    if let Some((_, off)) = self.static_place_as(e, Use::Copy) {
                        self.emit(Op::Load { off, ty });
                    }
                    return;
                }
                self.place_addr(e);
                self.emit(Op::LoadAt(ty));
            }
            ExprKind::MemQuery { .. } => {
                if let Some(Res::Const(v)) = self.c.res.get(&e.id) {
                    self.emit(Op::Const(*v as u64));
                }
            }
            ExprKind::AddrOf { inner, .. } => {
                if self.is_place(inner) {
                    if self.is_static_place(inner) || self.box_path(inner).is_some() {
                        self.f.use_span = Some(e.span);
                    }
                    self.place_addr(inner);
                    self.f.use_span = None;
                } else {
                    let off = self.temp(inner);
                    self.emit(Op::AddrLocal(off));
                }
                self.emit(Op::ToRef);
            }
            ExprKind::Deref(_) => {
                if t.is_scalar() {
                    self.place_addr(e);
                    let ty = self.scalar(t);
                    self.emit(Op::LoadAt(ty));
                } else if t.is_mem() {
                    let _ = self.temp(e);
                }
            }
            ExprKind::StructLit { .. }
            | ExprKind::Tuple(_)
            | ExprKind::ArrayList(_)
            | ExprKind::ArrayRepeat(..) => {}
            ExprKind::Int { value, .. } => {
                let v = *value as u64;
                self.emit(Op::Const(v));
            }
            ExprKind::Bool(b) => {
                self.emit(Op::Const(*b as u64));
            }
            ExprKind::Path(_) => match self.c.res.get(&e.id).cloned() {
                Some(Res::Const(v)) => {
                    self.emit(Op::Const(v as i64 as u64));
                }
                Some(Res::Local(_)) => {
                    if t.is_mem() {
                        let _ = self.temp(e);
                        self.emit(Op::Pop);
                        return;
                    }
                    let l = self.use_local(e, false).unwrap_or(0);
                    let off = self.f.locals[l as usize].off;
                    let ty = self.scalar(t);
                    self.emit(Op::Load { off, ty });
                }
                _ => {}
            },
            ExprKind::Unary(op, inner) => {
                if let (UnOp::Neg, ExprKind::Int { value, .. }) = (op, &inner.kind) {
                    // A negative literal is a constant, not a negation that could overflow.
                    let v = (*value as i128).wrapping_neg() as i64 as u64;
                    self.emit(Op::Const(v));
                    return;
                }
                self.expr(inner);
                match (op, &t) {
                    (UnOp::Not, Ty::Bool) => {
                        self.emit(Op::NotBool);
                    }
                    (UnOp::Not, Ty::Int(i)) => {
                        self.emit(Op::Not(*i));
                    }
                    (UnOp::Neg, Ty::Int(i)) => {
                        let at = self.span_id(e.span);
                        self.emit(Op::Neg { ty: *i, at });
                    }
                    _ => {}
                }
            }
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r),
            ExprKind::Assign(lhs, rhs) => self.assign(lhs, rhs),
            ExprKind::CompoundAssign(op, lhs, rhs) => {
                let lt = self.ty(lhs);
                let rt = self.ty(rhs).deref_all();
                let ty = lt.int();
                self.operand(rhs);
                let at = self.span_id(e.span);
                let arith = match (op, &lt) {
                    (BinOp::BitAnd, Ty::Bool) => Some((Arith::And, IntTy::U8)),
                    (BinOp::BitOr, Ty::Bool) => Some((Arith::Or, IntTy::U8)),
                    (BinOp::BitXor, Ty::Bool) => Some((Arith::Xor, IntTy::U8)),
                    _ => ty.map(|ty| (arith_of(*op, rt), ty)),
                };
                let Some((aop, ity)) = arith else { return };
                self.place_addr(lhs);
                self.emit(Op::ArithAt {
                    op: aop,
                    ty: ity,
                    at,
                });
            }
            ExprKind::Cast(inner, _) => {
                self.expr(inner);
                if let Ty::Int(to) = t {
                    self.emit(Op::Cast(*to));
                }
            }
            ExprKind::Call(callee, args) => match self.c.res.get(&callee.id).cloned() {
                Some(Res::Fn(f)) => {
                    let ret = &self.c.sigs[f as usize].ret;
                    if ret.is_mem() {
                        let _ = self.temp(e);
                        self.emit(Op::Pop);
                        return;
                    }
                    let slot = self.call(e, f, args);
                    if ret.is_scalar() {
                        let ty = self.scalar(ret);
                        self.emit(Op::Load { off: slot, ty });
                        self.set_stack(slot);
                    }
                }
                Some(Res::Drop) if self.manual && self.ty(&args[0]).owns_buffer() => {
                    // Nothing is dropped for the program in manual mode, but `drop` frees.
                    let at = self.span_id(e.span);
                    self.vec_addr(&args[0]);
                    self.emit(Op::DeallocVec { at });
                }
                Some(Res::Drop) => {
                    let a = &args[0];
                    let at = self.ty(a);
                    if at.is_mem() && !at.is_copy() {
                        if let ExprKind::Path(_) = a.kind {
                            if let Some(l) = self.use_local(a, true) {
                                let off = self.f.locals[l as usize].off;
                                if at.plain_buffer() {
                                    self.drop_local(off, l, None);
                                } else if at.needs_drop() {
                                    self.drop_local(off, l, Some(at));
                                }
                                // `drop` took the value: the variable now shows as moved.
                                self.set_owned(l, false);
                            }
                        } else {
                            let off = self.reserve_temp_vec(a);
                            if at.plain_buffer() {
                                self.drop_temps(&[Temp {
                                    off,
                                    glue: None,
                                    via: None,
                                }]);
                            } else if at.needs_drop() {
                                let glue = self.glue(at);
                                self.drop_temps(&[Temp {
                                    off,
                                    glue: Some(glue),
                                    via: None,
                                }]);
                            }
                        }
                    } else {
                        self.expr_discard(a);
                    }
                }
                Some(Res::Alloc) => {
                    self.expr(&args[0]);
                    let at = self.span_id(e.span);
                    let text = match &self.f.let_name {
                        Some(name) => format!("`{name}`"),
                        None => "an `alloc` block".to_string(),
                    };
                    let label = self.label(text);
                    self.emit(Op::Alloc { at, label });
                }
                Some(Res::Dealloc) => {
                    let a = &args[0];
                    let at = self.span_id(e.span);
                    if let Ty::Box(_) = self.ty(a) {
                        self.value_addr(a);
                        let ty = self.pointer_scalar();
                        self.emit(Op::LoadAt(ty));
                        self.emit(Op::DeallocRaw { at });
                    } else if self.ty(a).owns_buffer() {
                        self.value_addr(a);
                        self.emit(Op::DeallocVec { at });
                    } else {
                        self.expr(a);
                        self.emit(Op::DeallocRaw { at });
                    }
                }
                Some(Res::VecNew) | Some(Res::VecWithCapacity) => {
                    let _ = self.temp(e);
                    self.emit(Op::Pop);
                }
                _ => {}
            },
            ExprKind::MethodCall { receiver, args, .. } => self.method(e, receiver, args),
            ExprKind::Index(..) => {
                self.place_addr(e);
                let ty = self.scalar(t);
                self.emit(Op::LoadAt(ty));
            }
            ExprKind::Block(b) => self.block_body(b, None, false, &Ty::Unit),
            ExprKind::If(cond, then, els) => {
                let stmt_level = matches!(t, Ty::Unit | Ty::Never);
                if stmt_level {
                    self.step(cond.span, StepKind::Condition);
                }
                let mark = self.condition_mark();
                self.expr(cond);
                self.end_condition(mark);
                let jf = self.emit(Op::JumpIfFalse(0));
                let before = self.f.moves.clone();
                self.block_body(then, None, false, &Ty::Unit);
                let after_then = std::mem::replace(&mut self.f.moves, before);
                match els {
                    None => {
                        self.patch_here(jf);
                    }
                    Some(els) => {
                        let j = self.emit(Op::Jump(0));
                        self.patch_here(jf);
                        self.expr(els);
                        self.patch_here(j);
                    }
                }
                self.f.moves.merge(&after_then);
            }
            ExprKind::While(cond, body) => {
                let head = self.here();
                let depth = self.f.depth;
                self.begin_loop(None, depth, head, e.span);
                self.step(cond.span, StepKind::Condition);
                let mark = self.condition_mark();
                self.expr(cond);
                self.end_condition(mark);
                let jf = self.emit(Op::JumpIfFalse(0));
                let entry_moves = self.f.moves.clone();
                self.block_body(body, None, false, &Ty::Unit);
                self.emit(Op::Jump(head));
                let exit = self.here();
                self.patch(jf, exit);
                self.end_loop(exit, Some(entry_moves));
            }
            ExprKind::Loop(body) => self.loop_expr(e, body, None),
            ExprKind::For { range, body, .. } => self.for_loop(e, range, body),
            ExprKind::Range { .. } => {}
            ExprKind::Break(value) => {
                let Some(li) = self.f.loops.len().checked_sub(1) else {
                    return;
                };
                if let Some(v) = value {
                    match self.f.loops[li].dest {
                        Some(d) => self.expr_into(v, d),
                        None => self.expr(v),
                    }
                }
                let scope_index = self.f.loops[li].scope_index;
                if self.scope_has_drops(scope_index) {
                    self.emit_drops(scope_index);
                }
                let depth = self.f.loops[li].depth;
                self.emit(Op::SetStack(depth));
                let j = self.emit(Op::Jump(0));
                let moves = self.f.moves.clone();
                let lp = &mut self.f.loops[li];
                lp.breaks.push(j);
                lp.at_break.merge(&moves);
                self.f.moves.dead = true;
            }
            ExprKind::Continue => {
                let Some(li) = self.f.loops.len().checked_sub(1) else {
                    return;
                };
                let scope_index = self.f.loops[li].scope_index;
                if self.scope_has_drops(scope_index) {
                    self.emit_drops(scope_index);
                }
                let depth = self.f.loops[li].depth;
                let target = self.f.loops[li].continue_target;
                self.emit(Op::SetStack(depth));
                self.emit(Op::Jump(target));
                let moves = self.f.moves.clone();
                self.f.loops[li].at_continue.merge(&moves);
                self.f.moves.dead = true;
            }
            ExprKind::Return(value) => {
                let ret = &self.c.sigs[self.f.id as usize].ret;
                if let Some(v) = value {
                    if ret.is_mem() {
                        self.expr_into(v, Dest::Ret);
                    } else if ret.is_scalar() {
                        self.expr(v);
                        let size = self.scalar(ret).size;
                        self.emit(Op::StoreRet(size));
                    } else {
                        self.expr_discard(v);
                    }
                }
                // Statement temporaries die before the frame goes.
                let temps = self.f.temps.clone();
                self.drop_temps(&temps);
                self.emit_drops(0);
                self.emit(Op::Return);
                self.f.moves.dead = true;
            }
            ExprKind::VecList(_) | ExprKind::VecRepeat(..) => {
                let _ = self.temp(e);
                self.emit(Op::Pop);
            }
            ExprKind::Format { mac, args, .. } => self.format(e, *mac, args),
        }
    }

    fn reserve_temp_vec(&mut self, e: &Expr) -> u32 {
        let (size, align) = self.layout(self.ty(e));
        let off = self.reserve(size, align);
        self.expr_into(e, Dest::Local(off));
        off
    }

    /// Temporaries of a condition are dropped right after it.
    /// Where a condition starts: the statement's temporaries so far and the frame's depth.
    fn condition_mark(&self) -> (usize, u32) {
        (self.f.temps.len(), self.f.depth)
    }

    /// Ends a condition: its own temporaries are dropped and their stack given back.
    fn end_condition(&mut self, (temps_before, depth): (usize, u32)) {
        let temps = self.f.temps.split_off(temps_before.min(self.f.temps.len()));
        self.drop_temps(&temps);
        if self.f.depth != depth {
            self.set_stack(depth);
        }
        let live = self.live_now();
        for s in self.f.pending_sites.drain(..) {
            self.sites[s as usize].live = live.clone();
        }
    }

    fn begin_loop(&mut self, dest: Option<Dest>, depth: u32, head: u32, span: Span) {
        let scope_index = self.f.scopes.len();
        self.f.loops.push(LoopGen {
            depth,
            scope_index,
            breaks: Vec::new(),
            continue_target: head,
            dest,
            at_break: Moves {
                dead: true,
                ..Moves::default()
            },
            at_continue: Moves {
                dead: true,
                ..Moves::default()
            },
            first_use: Vec::new(),
            span,
        });
    }

    /// Closes a loop: patches its breaks and checks values moved in one iteration and used in
    /// the next. `exit_moves` is the state when the loop's condition is false.
    fn end_loop(&mut self, exit: u32, exit_moves: Option<Moves>) {
        let Some(lp) = self.f.loops.pop() else { return };
        for j in &lp.breaks {
            self.patch(*j, exit);
        }
        // State at the end of an iteration: falling off the body, or `continue`.
        let mut again = self.f.moves.clone();
        again.merge(&lp.at_continue);
        if !again.dead {
            let found = lp.first_use.iter().find_map(|(l, path, span, how)| {
                self.moved_conflict(&again, *l, path)
                    .map(|(moved, at)| (*l, path.clone(), moved, *span, at, *how))
            });
            if let Some((l, path, moved, use_span, moved_at, how)) = found {
                self.report_moved(l, &path, &moved, use_span, moved_at, how, true);
                let _ = lp.span;
            }
        }
        let mut after = lp.at_break.clone();
        if let Some(mut m) = exit_moves {
            m.merge(&again);
            after.merge(&m);
        }
        if after.dead && lp.at_break.dead && self.f.moves.dead {
            after.dead = true;
        }
        self.f.moves = after;
    }

    fn loop_expr(&mut self, e: &Expr, body: &Block, dest: Option<Dest>) {
        let head = self.here();
        let depth = self.f.depth;
        self.begin_loop(dest, depth, head, e.span);
        self.block_body(body, None, false, &Ty::Unit);
        self.emit(Op::Jump(head));
        let exit = self.here();
        self.end_loop(exit, None);
    }

    /// `for x in array`: the array is copied into a hidden local and walked with a hidden
    /// index; each test of the loop copies the next element into `x`.
    fn for_array(&mut self, e: &Expr, array: &Expr, body: &Block) {
        let var = self.c.binding[&e.id];
        let hidden = self.c.for_range[&e.id];
        let hidden_ty = self.decl_ty(hidden);
        if let Ty::SliceRef(elem) | Ty::SliceMut(elem) = hidden_ty {
            self.for_slice(e, array, body, elem);
            return;
        }
        if let Ty::StrRef = hidden_ty {
            self.for_chars(e, array, body);
            return;
        }
        if let Ty::Vec(elem) = hidden_ty {
            self.for_vec(e, array, body, elem);
            return;
        }
        let &Ty::Array(ref elem, n) = hidden_ty else {
            return;
        };
        let esize = elem.size(self.ptr);
        let scope_depth = self.f.depth;
        self.f.scopes.push((Vec::new(), scope_depth));
        let site = self.step(array.span, StepKind::Statement);
        let aoff = self.declare(hidden);
        self.expr_into(array, Dest::Local(aoff));
        let ioff = self.declare(hidden + 1);
        let usize_ty = self.usize_scalar();
        self.emit(Op::Const(0));
        self.emit(Op::Store {
            off: ioff,
            size: usize_ty.size,
        });
        self.for_count_start(e);
        let temps = std::mem::take(&mut self.f.temps);
        self.drop_temps(&temps);
        self.sites[site as usize].live = self.live_now();
        let voff = self.declare(var);
        let item = self.for_item_off(e, voff);
        let loop_depth = self.f.depth;
        let head = self.here();
        self.begin_loop(None, loop_depth, head, e.span);
        let entry_moves = self.f.moves.clone();
        self.step(array.span, StepKind::Condition);
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        self.emit(Op::Const(n));
        self.emit(Op::Cmp {
            op: Cmp::Lt,
            signed: false,
        });
        let exit_jump = self.emit(Op::JumpIfFalse(0));
        let at = self.span_id(array.span);
        let index = Op::ArrayIndex {
            len: n as u32,
            elem: esize,
            at,
        };
        if elem.is_scalar() {
            self.emit(Op::AddrLocal(aoff));
            self.emit(Op::Load {
                off: ioff,
                ty: usize_ty,
            });
            self.emit(index);
            let ty = self.scalar(elem);
            self.emit(Op::LoadAt(ty));
            self.emit(Op::Store {
                off: item,
                size: ty.size,
            });
        } else {
            self.emit(Op::AddrLocal(item));
            self.emit(Op::AddrLocal(aoff));
            self.emit(Op::Load {
                off: ioff,
                ty: usize_ty,
            });
            self.emit(index);
            self.emit(Op::Copy(esize));
        }
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        self.emit(Op::Const(1));
        self.emit(Op::Arith {
            op: Arith::WrappingAdd,
            ty: IntTy::Usize,
            at: 0,
        });
        self.emit(Op::Store {
            off: ioff,
            size: usize_ty.size,
        });
        self.for_count_next(e, voff);
        let mark = self.condition_mark();
        self.end_condition(mark);
        self.for_body(e, body);
        self.emit(Op::Jump(head));
        let exit = self.here();
        self.patch(exit_jump, exit);
        self.end_loop(exit, Some(entry_moves));
        self.pop_scope();
        self.set_stack(scope_depth);
    }

    /// Makes the hidden `&[T]` a `for` over `&v`, a slice or `.iter()` walks.
    fn slice_of(&mut self, range: &Expr, soff: u32) {
        let w = self.ptr.bytes();
        let (base, bt) = match &range.kind {
            ExprKind::MethodCall {
                receiver, method, ..
            } if method == "iter" || method == "iter_mut" => (&**receiver, self.ty(receiver)),
            _ => (range, self.ty(range)),
        };
        match bt.deref_all() {
            Ty::SliceRef(_) if !matches!(bt, Ty::Ref(..)) && base.id == range.id => {
                self.expr_into(range, Dest::Local(soff));
            }
            Ty::Array(el, n) => {
                let at = self.span_id(range.span);
                self.emit(Op::AddrLocal(soff));
                self.value_addr(base);
                self.emit(Op::Const(0));
                self.emit(Op::MakeSlice {
                    elem: el.size(self.ptr),
                    array_len: *n as u32,
                    has_end: false,
                    inclusive: false,
                    at,
                });
            }
            _ => {
                // A Vec's or a slice's pointer and length.
                self.emit(Op::AddrLocal(soff));
                self.value_addr(base);
                self.emit(Op::Copy(2 * w));
            }
        }
    }

    /// `for c in s.chars()`: a hidden `&str` and byte index; each turn decodes one `char`
    /// and moves the index past its UTF-8 bytes.
    fn for_chars(&mut self, e: &Expr, range: &Expr, body: &Block) {
        if let Some((text, walk)) = check::text_walk(range) {
            self.for_view(e, range, body, ViewLoop::Text(text, walk));
        }
    }

    /// `for x in &v` (or `&mut v`, a slice, `.iter()`, `.iter_mut()`): `x` is a reference to
    /// each element in turn.
    fn for_slice(&mut self, e: &Expr, range: &Expr, body: &Block, elem: &Ty) {
        let esize = elem.size(self.ptr);
        self.for_view(e, range, body, ViewLoop::Elements(esize));
    }

    /// A loop over a pointer and length (a hidden local) with a hidden index: each turn
    /// puts the next item into the loop variable and moves the index on.
    fn for_view(&mut self, e: &Expr, range: &Expr, body: &Block, kind: ViewLoop<'_>) {
        let var = self.c.binding[&e.id];
        let hidden = self.c.for_range[&e.id];
        let scope_depth = self.f.depth;
        self.f.scopes.push((Vec::new(), scope_depth));
        let site = self.step(range.span, StepKind::Statement);
        let soff = self.declare(hidden);
        match kind {
            ViewLoop::Text(receiver, _) => {
                self.emit(Op::AddrLocal(soff));
                self.deref_addr(receiver);
                self.emit(Op::Copy(2 * self.ptr.bytes()));
            }
            ViewLoop::Elements(_) => self.slice_of(range, soff),
        }
        let ioff = self.declare(hidden + 1);
        let usize_ty = self.usize_scalar();
        let backwards = matches!(kind, ViewLoop::Text(_, TextWalk::CharsRev));
        if backwards {
            // From the end of the text.
            self.emit(Op::AddrLocal(soff));
            self.emit(Op::VecField(1));
        } else {
            self.emit(Op::Const(0));
        }
        self.emit(Op::Store {
            off: ioff,
            size: usize_ty.size,
        });
        self.for_count_start(e);
        let temps = std::mem::take(&mut self.f.temps);
        self.drop_temps(&temps);
        self.sites[site as usize].live = self.live_now();
        let voff = self.declare(var);
        let item = self.for_item_off(e, voff);
        let loop_depth = self.f.depth;
        let head = self.here();
        self.begin_loop(None, loop_depth, head, e.span);
        let entry_moves = self.f.moves.clone();
        self.step(range.span, StepKind::Condition);
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        if backwards {
            self.emit(Op::Const(0));
            self.emit(Op::Cmp {
                op: Cmp::Gt,
                signed: false,
            });
        } else {
            self.emit(Op::AddrLocal(soff));
            self.emit(Op::VecField(1));
            self.emit(Op::Cmp {
                op: Cmp::Lt,
                signed: false,
            });
        }
        let exit_jump = self.emit(Op::JumpIfFalse(0));
        let at = match kind {
            ViewLoop::Elements(_) => self.span_id(range.span),
            ViewLoop::Text(..) => 0,
        };
        self.emit(Op::AddrLocal(soff));
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        // The item goes into the variable; for a char, its byte count stays in a register.
        match kind {
            ViewLoop::Text(_, TextWalk::Chars) => {
                self.emit(Op::CharAt);
                self.emit(Op::Store { off: item, size: 4 });
            }
            ViewLoop::Text(_, TextWalk::CharsRev) => {
                self.emit(Op::CharBefore);
                self.emit(Op::Store { off: item, size: 4 });
            }
            ViewLoop::Text(_, TextWalk::Bytes) => {
                self.emit(Op::VecIndex { elem: 1, at });
                self.emit(Op::LoadAt(Scalar {
                    size: 1,
                    signed: false,
                }));
                self.emit(Op::Store { off: item, size: 1 });
            }
            ViewLoop::Elements(esize) => {
                self.emit(Op::VecIndex {
                    elem: esize as u8,
                    at,
                });
                self.emit(Op::Store {
                    off: item,
                    size: self.ptr.bytes() as u8,
                });
            }
        }
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        if let ViewLoop::Elements(_) | ViewLoop::Text(_, TextWalk::Bytes) = kind {
            self.emit(Op::Const(1));
        }
        if backwards {
            // The index moves back before the char just read.
            self.emit(Op::Swap);
        }
        self.emit(Op::Arith {
            op: if backwards {
                Arith::WrappingSub
            } else {
                Arith::WrappingAdd
            },
            ty: IntTy::Usize,
            at: 0,
        });
        self.emit(Op::Store {
            off: ioff,
            size: usize_ty.size,
        });
        self.for_count_next(e, voff);
        let mark = self.condition_mark();
        self.end_condition(mark);
        self.for_body(e, body);
        self.emit(Op::Jump(head));
        let exit = self.here();
        self.patch(exit_jump, exit);
        self.end_loop(exit, Some(entry_moves));
        self.pop_scope();
        self.set_stack(scope_depth);
    }

    /// Whether the `for` loop `e` counts its turns (`.enumerate()`): its variable is then a
    /// `(usize, item)` tuple, and the count a hidden local just before it.
    fn for_counts(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::For { range, .. } if for_source(range).id != range.id)
    }

    /// Starts the hidden count of an `.enumerate()` loop at 0.
    fn for_count_start(&mut self, e: &Expr) {
        if !self.for_counts(e) {
            return;
        }
        let count = self.c.binding[&e.id] - 1;
        let off = self.declare(count);
        let usize_ty = self.usize_scalar();
        self.emit(Op::Const(0));
        self.emit(Op::Store {
            off,
            size: usize_ty.size,
        });
    }

    /// Where a turn's item goes in the loop variable at `voff`: the variable itself, or the
    /// item's place in the `(count, item)` tuple of an `.enumerate()` loop.
    fn for_item_off(&self, e: &Expr, voff: u32) -> u32 {
        if !self.for_counts(e) {
            return voff;
        }
        let var = self.c.binding[&e.id];
        let fields = self.f.locals[var as usize].ty.fields(self.ptr);
        voff + fields.get(1).map_or(0, |f| f.2)
    }

    /// An `.enumerate()` loop's turn: the count goes into the tuple, and on by one.
    fn for_count_next(&mut self, e: &Expr, voff: u32) {
        if !self.for_counts(e) {
            return;
        }
        let var = self.c.binding[&e.id];
        let count = self.f.locals[var as usize - 1].off;
        let fields = self.f.locals[var as usize].ty.fields(self.ptr);
        let at = voff + fields.first().map_or(0, |f| f.2);
        let ty = self.usize_scalar();
        self.emit(Op::Load { off: count, ty });
        self.emit(Op::Store {
            off: at,
            size: ty.size,
        });
        self.emit(Op::Load { off: count, ty });
        self.emit(Op::Const(1));
        self.emit(Op::Arith {
            op: Arith::WrappingAdd,
            ty: IntTy::Usize,
            at: 0,
        });
        self.emit(Op::Store {
            off: count,
            size: ty.size,
        });
    }

    /// A `for` loop's body; with a pattern (`for (i, x) in ...`), its names are taken from
    /// the hidden variable first, as `let PATTERN = item;` would, in a scope of their own
    /// that ends (dropping what they still own) with each turn. `in_turn`: the caller has
    /// opened that scope (the turn of a loop over a Vec by value) and ends it itself.
    fn for_body(&mut self, e: &Expr, body: &Block) {
        self.for_body_in(e, body, false);
    }

    fn for_body_in(&mut self, e: &Expr, body: &Block, in_turn: bool) {
        let ExprKind::For {
            pat: Some(pat),
            range,
            ..
        } = &e.kind
        else {
            self.block_body(body, None, false, &Ty::Unit);
            return;
        };
        let var = self.c.binding[&e.id];
        let var_ty = self.decl_ty(var);
        let voff = self.f.locals[var as usize].off;
        let ids = self.c.pat_locals.get(&e.id).cloned().unwrap_or_default();
        let (leaves, _) = pat_leaves(pat, var_ty, self.ptr, ids);
        let depth = self.f.depth;
        if !in_turn {
            self.f.scopes.push((Vec::new(), depth));
        }
        let scope = self.f.scopes.len() - 1;
        let mut offs = Vec::new();
        for leaf in &leaves {
            offs.push(self.declare(leaf.local));
        }
        for (leaf, dst) in leaves.iter().zip(offs) {
            if leaf.through.is_none() {
                let how = if leaf.moves() { Use::Move } else { Use::Copy };
                self.use_path(var, &leaf.path, leaf.span, how);
            }
            self.bind_leaf(leaf, voff, dst, range.span);
            if leaf.through.is_none() && leaf.moves() {
                self.set_part_owned(var, &leaf.path, false);
            }
        }
        self.block_body(body, None, false, &Ty::Unit);
        if !in_turn {
            self.end_turn(scope, body);
            self.set_stack(depth);
        }
    }

    /// Ends the scope of a `for` loop's turn (at `scope`), dropping what it still owns.
    fn end_turn(&mut self, scope: usize, body: &Block) {
        if !self.f.moves.dead && self.scope_has_drops(scope) {
            let end = Span::new(body.span.end as usize - 1, body.span.end as usize);
            let site = self.step(end, StepKind::ScopeEnd);
            self.emit_drops(scope);
            self.pop_scope();
            self.sites[site as usize].live = self.live_now();
        } else {
            self.pop_scope();
        }
    }

    /// `for x in v` of a Vec by value: the Vec moves into a hidden local; each turn moves the
    /// next element into `x` (dropped at the end of the turn unless moved on); when the loop
    /// ends, the elements not taken (after a `break`) are dropped, then the block is freed.
    fn for_vec(&mut self, e: &Expr, src: &Expr, body: &Block, elem: &Ty) {
        let var = self.c.binding[&e.id];
        let hidden = self.c.for_range[&e.id];
        let esize = elem.size(self.ptr);
        let scope_depth = self.f.depth;
        self.f.scopes.push((Vec::new(), scope_depth));
        let site = self.step(src.span, StepKind::Statement);
        let vec_off = self.declare(hidden);
        self.expr_into(src, Dest::Local(vec_off));
        let ioff = self.declare(hidden + 1);
        let usize_ty = self.usize_scalar();
        self.emit(Op::Const(0));
        self.emit(Op::Store {
            off: ioff,
            size: usize_ty.size,
        });
        self.for_count_start(e);
        let temps = std::mem::take(&mut self.f.temps);
        self.drop_temps(&temps);
        self.sites[site as usize].live = self.live_now();
        let loop_depth = self.f.depth;
        let head = self.here();
        self.begin_loop(None, loop_depth, head, e.span);
        let entry_moves = self.f.moves.clone();
        self.step(src.span, StepKind::Condition);
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        self.emit(Op::AddrLocal(vec_off));
        self.emit(Op::VecField(1));
        self.emit(Op::Cmp {
            op: Cmp::Lt,
            signed: false,
        });
        let exit_jump = self.emit(Op::JumpIfFalse(0));
        // The turn's own scope: the variable lives (and is dropped) within one turn.
        self.f.scopes.push((Vec::new(), loop_depth));
        let turn = self.f.scopes.len() - 1;
        let voff = self.declare(var);
        let item = self.for_item_off(e, voff);
        let at = self.span_id(src.span);
        self.emit(Op::AddrLocal(item));
        self.emit(Op::AddrLocal(vec_off));
        self.emit(Op::Load {
            off: ioff,
            ty: usize_ty,
        });
        self.emit(Op::VecIndex {
            elem: esize as u8,
            at,
        });
        self.emit(Op::Copy(esize));
        if self.f.locals[var as usize].hidden {
            // A pattern's hidden variable: the names taken from it own the parts.
            self.set_owned(var, true);
        } else {
            self.own(var, voff);
        }
        self.bump_start(ioff, usize_ty, IntTy::Usize);
        self.for_count_next(e, voff);
        let mark = self.condition_mark();
        self.end_condition(mark);
        self.for_body_in(e, body, true);
        self.end_turn(turn, body);
        self.set_stack(loop_depth);
        self.emit(Op::Jump(head));
        let exit = self.here();
        self.patch(exit_jump, exit);
        self.end_loop(exit, Some(entry_moves));
        if elem.needs_drop() {
            // The elements no turn took (a `break` left early), in index order.
            let again = self.here();
            self.emit(Op::Load {
                off: ioff,
                ty: usize_ty,
            });
            self.emit(Op::AddrLocal(vec_off));
            self.emit(Op::VecField(1));
            self.emit(Op::Cmp {
                op: Cmp::Lt,
                signed: false,
            });
            let done = self.emit(Op::JumpIfFalse(0));
            self.emit(Op::AddrLocal(vec_off));
            self.emit(Op::Load {
                off: ioff,
                ty: usize_ty,
            });
            self.emit(Op::VecIndex {
                elem: esize as u8,
                at,
            });
            if elem.plain_buffer() {
                self.emit(Op::DropAt);
            } else {
                let glue = self.glue(elem);
                self.emit(Op::DropGlueAt(glue));
            }
            self.bump_start(ioff, usize_ty, IntTy::Usize);
            self.emit(Op::Jump(again));
            self.patch_here(done);
        }
        // The block itself (its elements are gone).
        self.emit(Op::AddrLocal(vec_off));
        self.emit(Op::DropAt);
        self.pop_scope();
        self.set_stack(scope_depth);
    }

    fn for_loop(&mut self, e: &Expr, range: &Expr, body: &Block) {
        let range = into_iter_of(for_source(range));
        let ExprKind::Range {
            start,
            end,
            inclusive,
        } = &range.kind
        else {
            self.for_array(e, range, body);
            return;
        };
        let var = self.c.binding[&e.id];
        let hidden = self.c.for_range[&e.id];
        let elem_ty = self.decl_ty(hidden);
        let Ty::Int(ity) = *elem_ty else { return };
        let sc = self.scalar(elem_ty);
        let size = sc.size as u32;
        let scope_depth = self.f.depth;
        self.f.scopes.push((Vec::new(), scope_depth));
        // The range is a hidden local: start, end (and `exhausted` for `..=`).
        self.f.locals[hidden as usize].size = if *inclusive { 2 * size + 1 } else { 2 * size };
        let site = self.step(range.span, StepKind::Statement);
        self.expr(start);
        self.expr(end);
        let roff = self.reserve(self.f.locals[hidden as usize].size, size);
        self.f.locals[hidden as usize].off = roff;
        if let Some(s) = self.f.scopes.last_mut() {
            s.0.push(hidden);
        }
        self.emit(Op::Store {
            off: roff + size,
            size: size as u8,
        });
        self.emit(Op::Store {
            off: roff,
            size: size as u8,
        });
        if *inclusive {
            self.emit(Op::Const(0));
            self.emit(Op::Store {
                off: roff + 2 * size,
                size: 1,
            });
        }
        self.for_count_start(e);
        self.sites[site as usize].live = self.live_now();
        let voff = self.declare(var);
        let item = self.for_item_off(e, voff);
        let loop_depth = self.f.depth;
        let head = self.here();
        self.begin_loop(None, loop_depth, head, e.span);
        let entry_moves = self.f.moves.clone();
        self.step(range.span, StepKind::Condition);
        let mut exits = Vec::new();
        if *inclusive {
            self.emit(Op::Load {
                off: roff + 2 * size,
                ty: Scalar {
                    size: 1,
                    signed: false,
                },
            });
            exits.push(self.emit(Op::JumpIfTrue(0)));
            self.compare_range_bounds(roff, sc, Cmp::Le);
            exits.push(self.emit(Op::JumpIfFalse(0)));
            self.emit(Op::Load { off: roff, ty: sc });
            self.emit(Op::Store {
                off: item,
                size: size as u8,
            });
            self.compare_range_bounds(roff, sc, Cmp::Lt);
            let jf = self.emit(Op::JumpIfFalse(0));
            self.bump_start(roff, sc, ity);
            let j = self.emit(Op::Jump(0));
            self.patch_here(jf);
            self.emit(Op::Const(1));
            self.emit(Op::Store {
                off: roff + 2 * size,
                size: 1,
            });
            self.patch_here(j);
        } else {
            self.compare_range_bounds(roff, sc, Cmp::Lt);
            exits.push(self.emit(Op::JumpIfFalse(0)));
            self.emit(Op::Load { off: roff, ty: sc });
            self.emit(Op::Store {
                off: item,
                size: size as u8,
            });
            self.bump_start(roff, sc, ity);
        }
        self.for_count_next(e, voff);
        let mark = self.condition_mark();
        self.end_condition(mark);
        self.for_body(e, body);
        self.emit(Op::Jump(head));
        let exit = self.here();
        for j in exits {
            self.patch(j, exit);
        }
        self.end_loop(exit, Some(entry_moves));
        self.pop_scope();
        self.set_stack(scope_depth);
    }

    /// Compares the start of the range at frame offset `roff` with its end (`start op end`).
    fn compare_range_bounds(&mut self, roff: u32, sc: Scalar, op: Cmp) {
        self.emit(Op::Load { off: roff, ty: sc });
        self.emit(Op::Load {
            off: roff + sc.size as u32,
            ty: sc,
        });
        self.emit(Op::Cmp {
            op,
            signed: sc.signed,
        });
    }

    fn bump_start(&mut self, roff: u32, sc: Scalar, ity: IntTy) {
        self.emit(Op::Load { off: roff, ty: sc });
        self.emit(Op::Const(1));
        self.emit(Op::Arith {
            op: Arith::WrappingAdd,
            ty: ity,
            at: 0,
        });
        self.emit(Op::Store {
            off: roff,
            size: sc.size,
        });
    }

    fn binary(&mut self, e: &Expr, op: BinOp, l: &Expr, r: &Expr) {
        let lt = self.ty(l).deref_all();
        let rt = self.ty(r).deref_all();
        match op {
            BinOp::And | BinOp::Or => {
                self.expr(l);
                let j = if op == BinOp::And {
                    self.emit(Op::JumpIfFalse(0))
                } else {
                    self.emit(Op::JumpIfTrue(0))
                };
                // Short circuit: the right operand decides.
                let before = self.f.moves.clone();
                self.expr(r);
                let skip = self.emit(Op::Jump(0));
                self.patch_here(j);
                self.emit(Op::Const((op == BinOp::Or) as u64));
                self.patch_here(skip);
                self.f.moves.merge(&before);
                return;
            }
            _ => {}
        }
        if matches!(lt, Ty::String | Ty::StrRef) && matches!(op, BinOp::Eq | BinOp::Ne) {
            // Strings are equal when their bytes are.
            self.value_addr(l);
            self.value_addr(r);
            self.emit(Op::StrEq);
            if op == BinOp::Ne {
                self.emit(Op::NotBool);
            }
            return;
        }
        if lt.is_mem() && matches!(op, BinOp::Eq | BinOp::Ne) {
            self.mem_eq(l, r, op == BinOp::Ne);
            return;
        }
        self.operands(l, r);
        if op.is_comparison() {
            let signed = lt.int().is_some_and(|i| i.signed());
            let cmp = match op {
                BinOp::Eq => Cmp::Eq,
                BinOp::Ne => Cmp::Ne,
                BinOp::Lt => Cmp::Lt,
                BinOp::Le => Cmp::Le,
                BinOp::Gt => Cmp::Gt,
                _ => Cmp::Ge,
            };
            self.emit(Op::Cmp { op: cmp, signed });
            return;
        }
        let ty = match lt {
            Ty::Int(i) => *i,
            _ => IntTy::U8,
        };
        let at = self.span_id(e.span);
        self.emit(Op::Arith {
            op: arith_of(op, rt),
            ty,
            at,
        });
    }

    /// `==` (or `!=`) of two structs, tuples or arrays: their scalar fields compared one by
    /// one (padding is not compared), the results combined.
    fn mem_eq(&mut self, l: &Expr, r: &Expr, ne: bool) {
        let t = self.ty(l);
        let a = self.value_addr_local(l).unwrap_or(0);
        let b = self.value_addr_local(r).unwrap_or(0);
        let mut leaves = Vec::new();
        scalar_leaves(t, self.ptr, 0, &mut leaves);
        if leaves.len() > MAX_EQ_FIELDS {
            self.diags.push(Diagnostic::error(
                DiagnosticKind::Unsupported,
                l.span.to(r.span),
                format!(
                    "comparing values with more than {MAX_EQ_FIELDS} fields is not supported yet"
                ),
            ));
            return;
        }
        if leaves.is_empty() {
            self.emit(Op::Const(1));
        }
        for (i, (off, lt)) in leaves.iter().enumerate() {
            let ty = self.scalar(lt);
            self.emit(Op::Load { off: a + off, ty });
            self.emit(Op::Load { off: b + off, ty });
            self.emit(Op::Cmp {
                op: Cmp::Eq,
                signed: ty.signed,
            });
            if i > 0 {
                self.emit(Op::Arith {
                    op: Arith::And,
                    ty: IntTy::U8,
                    at: 0,
                });
            }
        }
        if ne {
            self.emit(Op::NotBool);
        }
    }

    /// Pushes the values of two operands, left then right. A left value must not wait in a
    /// register while the right operand calls a function: a local or a constant is read
    /// after the call instead, a call's result stays in its return slot, anything else is
    /// spilled to a stack slot and read back.
    fn operands(&mut self, l: &Expr, r: &Expr) {
        if !self.calls_fn(r) {
            self.operand(l);
            self.operand(r);
            return;
        }
        if self.is_rereadable(l) {
            self.operand(r);
            self.operand(l);
            self.emit(Op::Swap);
            return;
        }
        let lt = self.ty(l).deref_all();
        // A call's scalar result waits where it already is, in the call's return slot (the
        // very bytes a spill would take), and is read from there after the right operand.
        if let ExprKind::Call(callee, args) = &l.kind {
            if let Some(Res::Fn(f)) = self.c.res.get(&callee.id).cloned() {
                if self.c.sigs[f as usize].ret.is_scalar() && !matches!(self.ty(l), Ty::Ref(..)) {
                    let slot = self.call(l, f, args);
                    let ty = self.scalar(lt);
                    self.operand(r);
                    self.emit(Op::Load { off: slot, ty });
                    self.emit(Op::Swap);
                    return;
                }
            }
        }
        self.operand(l);
        let (size, align) = self.layout(lt);
        let off = self.reserve(size, align);
        let ty = self.scalar(lt);
        self.emit(Op::Store { off, size: ty.size });
        self.operand(r);
        self.emit(Op::Load { off, ty });
        self.emit(Op::Swap);
    }

    /// An operand of an arithmetic or comparison operator: its value, read through any
    /// references (`&i32 + &i32` adds the integers).
    fn operand(&mut self, e: &Expr) {
        self.expr(e);
        let mut t = self.ty(e);
        while let Ty::Ref(_, inner) = t {
            let ty = self.scalar(inner);
            self.emit(Op::LoadAt(ty));
            t = inner;
        }
    }

    /// A local or a constant: reading it later gives the same value.
    fn is_rereadable(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Int { .. } | ExprKind::Bool(_) => true,
            ExprKind::Path(_) => {
                matches!(self.c.res.get(&e.id), Some(Res::Local(_) | Res::Const(_)))
            }
            ExprKind::Unary(UnOp::Neg, inner) => matches!(inner.kind, ExprKind::Int { .. }),
            _ => false,
        }
    }

    /// Whether evaluating `e` calls one of the program's functions.
    fn calls_fn(&self, e: &Expr) -> bool {
        let any = |es: &[Expr]| es.iter().any(|x| self.calls_fn(x));
        let block = |b: &Block| {
            b.stmts.iter().any(|s| match s {
                Stmt::Let { init, .. } | Stmt::LetPat { init, .. } => self.calls_fn(init),
                Stmt::Decl { .. } => false,
                Stmt::Expr { expr, .. } => self.calls_fn(expr),
            }) || b.tail.as_deref().is_some_and(|t| self.calls_fn(t))
        };
        match &e.kind {
            ExprKind::Call(callee, args) => {
                matches!(self.c.res.get(&callee.id), Some(Res::Fn(_))) || any(args)
            }
            ExprKind::Int { .. }
            | ExprKind::Bool(_)
            | ExprKind::Str(_)
            | ExprKind::ByteStr(_)
            | ExprKind::Char(_)
            | ExprKind::Path(_)
            | ExprKind::Continue
            | ExprKind::Error => false,
            ExprKind::Unary(_, a) | ExprKind::Cast(a, _) => self.calls_fn(a),
            ExprKind::Field { base, .. } => self.calls_fn(base),
            ExprKind::AddrOf { inner, .. } | ExprKind::Deref(inner) => self.calls_fn(inner),
            ExprKind::ArrayRepeat(a, _) => self.calls_fn(a),
            ExprKind::MemQuery { .. } => false,
            ExprKind::Match { .. } => true,
            ExprKind::OpenRange { start, end, .. } => {
                start.as_deref().is_some_and(|s| self.calls_fn(s))
                    || end.as_deref().is_some_and(|s| self.calls_fn(s))
            }
            ExprKind::Tuple(items) | ExprKind::ArrayList(items) => any(items),
            ExprKind::StructLit { fields, base, .. } => {
                fields.iter().any(|f| self.calls_fn(&f.2))
                    || base.as_deref().is_some_and(|b| self.calls_fn(b))
            }
            ExprKind::Binary(_, a, b)
            | ExprKind::Assign(a, b)
            | ExprKind::CompoundAssign(_, a, b)
            | ExprKind::Index(a, b)
            | ExprKind::VecRepeat(a, b)
            | ExprKind::Range {
                start: a, end: b, ..
            } => self.calls_fn(a) || self.calls_fn(b),
            ExprKind::MethodCall { receiver, args, .. } => {
                self.c.method_fns.contains_key(&e.id) || self.calls_fn(receiver) || any(args)
            }
            ExprKind::Block(b) | ExprKind::Loop(b) => block(b),
            ExprKind::If(c, t, e2) => {
                self.calls_fn(c) || block(t) || e2.as_deref().is_some_and(|x| self.calls_fn(x))
            }
            ExprKind::While(c, b) => self.calls_fn(c) || block(b),
            ExprKind::For { range, body, .. } => self.calls_fn(range) || block(body),
            ExprKind::Break(v) | ExprKind::Return(v) => {
                v.as_deref().is_some_and(|x| self.calls_fn(x))
            }
            ExprKind::VecList(items) | ExprKind::Format { args: items, .. } => any(items),
        }
    }

    /// Pushes the address of an assignable place: a local or a Vec element.
    fn place_addr(&mut self, e: &Expr) {
        if let Some(&off) = self.f.materialized.get(&e.id) {
            self.emit(Op::AddrLocal(off));
            return;
        }
        match &e.kind {
            ExprKind::Path(_) => {
                let l = self.use_local(e, false).unwrap_or(0);
                let off = self.f.locals[l as usize].off;
                self.emit(Op::AddrLocal(off));
            }
            ExprKind::Deref(inner) if matches!(self.ty(inner), Ty::Box(_)) => {
                // The Box's pointer, read from where the Box is.
                let reach = self.reach_box_place(e);
                self.value_addr(inner);
                if reach {
                    self.f.box_use = None;
                }
                let ty = self.pointer_scalar();
                self.emit(Op::LoadAt(ty));
            }
            ExprKind::Deref(inner) => self.expr(inner),
            ExprKind::Field { base, name, .. } => {
                if self.is_static_place(e) {
                    if let Some((_, off)) = self.static_place(e) {
                        self.emit(Op::AddrLocal(off));
                    }
                    return;
                }
                let bt = self.ty(base).autoderef();
                let foff = bt
                    .fields(self.ptr)
                    .into_iter()
                    .find(|f| &f.0 == name)
                    .map_or(0, |f| f.2);
                let reach = self.reach_box_place(e);
                self.deref_addr(base);
                if reach {
                    self.f.box_use = None;
                }
                if foff > 0 {
                    self.emit(Op::Offset(foff));
                }
            }
            ExprKind::Index(base, idx) if matches!(self.ty(base).autoderef(), Ty::Array(..)) => {
                let Ty::Array(elem, len) = self.ty(base).autoderef() else {
                    return;
                };
                self.deref_addr(base);
                self.expr(idx);
                let at = self.span_id(e.span);
                self.emit(Op::ArrayIndex {
                    len: *len as u32,
                    elem: elem.size(self.ptr),
                    at,
                });
            }
            ExprKind::Index(base, idx)
                if matches!(
                    self.c.res.get(&base.id),
                    Some(Res::HeapBytes | Res::StackBytes)
                ) =>
            {
                let stack = self.c.res.get(&base.id) == Some(&Res::StackBytes);
                self.expr(idx);
                let at = self.span_id(e.span);
                self.emit(Op::RawAddr { stack, at });
            }
            ExprKind::Index(base, idx) => {
                let bt = self.ty(base);
                let elem = self.elem_size(bt);
                self.vec_addr(base);
                self.expr(idx);
                // rustc reports an index out of bounds at the `[` for a Vec (its `Index`),
                // at the whole expression for a slice (built-in indexing).
                let at = if matches!(bt.autoderef(), Ty::SliceRef(_) | Ty::SliceMut(_)) {
                    self.span_id(e.span)
                } else {
                    self.span_id(Span {
                        start: base.span.end,
                        end: e.span.end,
                    })
                };
                self.emit(Op::VecIndex { elem, at });
            }
            _ => {}
        }
    }

    /// Pushes the address of a Vec value (a method's receiver): a local's, or a temporary's,
    /// behind any references and Boxes.
    fn vec_addr(&mut self, e: &Expr) {
        self.deref_addr(e);
    }

    /// Pushes the address of the value behind `e`'s references and Boxes (what a field
    /// access or a method call reaches by auto-deref); `e`'s own address when it is neither.
    fn deref_addr(&mut self, e: &Expr) {
        // What a Box holds is reached: a use of the value (`*b`), not of the Box.
        let reach = self.reach_box_value(e);
        self.value_addr(e);
        if reach {
            self.f.box_use = None;
        }
        let mut t = self.ty(e).deref_all();
        let ptr = self.pointer_scalar();
        while let Ty::Box(inner) | Ty::Ref(_, inner) = t {
            self.emit(Op::LoadAt(ptr));
            t = inner;
        }
    }

    /// Pushes the address of a value in memory: a place's, or a temporary's.
    fn value_addr(&mut self, e: &Expr) {
        let t = self.ty(e);
        if let Ty::Ref(_, inner) = t {
            // Auto-deref: the reference's value is the address (read through each further
            // reference).
            self.expr(e);
            let address = self.pointer_scalar();
            let mut inner: &Ty = inner;
            while let Ty::Ref(_, next) = inner {
                self.emit(Op::LoadAt(address));
                inner = next;
            }
            return;
        }
        if self.is_place(e) {
            self.place_addr(e);
            return;
        }
        let off = self.temp(e);
        self.emit(Op::AddrLocal(off));
    }

    /// Builds the value an assignment stores into `lhs` in the temporary at `tmp`; what it
    /// allocates is labelled through the place it goes to (`node`, `*node`, `n.left`, and
    /// `n.left.name` for a value in a Box put there).
    fn assigned_value(&mut self, lhs: &Expr, rhs: &Expr, t: &Ty, tmp: u32) {
        let owner = owner_text(lhs);
        if let Some(name) = &owner {
            self.f.boxing.push((tmp, t.clone(), name.clone()));
        }
        self.expr_into(rhs, Dest::Local(tmp));
        if owner.is_some() {
            self.f.boxing.pop();
        }
    }

    fn assign(&mut self, lhs: &Expr, rhs: &Expr) {
        let t = self.ty(lhs);
        if t.is_mem() && !matches!(lhs.kind, ExprKind::Path(_)) {
            // A field or element: the new value is built, the old one dropped, then copied in.
            let (size, align) = self.layout(t);
            let tmp = self.reserve(size, align);
            self.assigned_value(lhs, rhs, t, tmp);
            if let Some((l, path, off)) = self.static_path(lhs) {
                if self.f.parts.contains_key(&l) {
                    // A field of a local: the old value is dropped if it was not moved out.
                    self.assign_path(l, &path, lhs.span);
                    let local_off = self.f.locals[l as usize].off;
                    self.drop_parts(l, local_off, &path);
                    self.emit(Op::AddrLocal(off));
                    self.copy_from_local(tmp, size);
                    self.set_part_owned(l, &path, true);
                    // The Vecs, Strings and Boxes that moved in now belong to the field.
                    let name = self.path_name(l, &path);
                    self.own_blocks(t, off, &name);
                    return;
                }
            }
            // A place in a Box's value with drop flags of its own (`b.next`): its old value
            // is dropped only where still owned (it may have moved out), and the new one is
            // owned again.
            if let Some((l, path)) = self.part_place(lhs) {
                self.assign_path(l, &path, lhs.span);
                if t.needs_drop() {
                    let local_off = self.f.locals[l as usize].off;
                    self.drop_parts(l, local_off, &path);
                }
                self.path_addr(l, &path);
                self.copy_from_local(tmp, size);
                self.set_part_owned(l, &path, true);
                return;
            }
            // A place in a Box's value that may have moved out (`b.next = ..` after
            // `let n = b.next;`) holds a value again; its old value is dropped only if the
            // Box still owned it when the assignment runs.
            let boxed = self.box_path(lhs);
            let refilled = boxed.as_ref().is_some_and(|(l, path)| {
                self.f
                    .moves
                    .moved
                    .keys()
                    .any(|(ml, mp)| ml == l && mp.starts_with(path))
            });
            if let Some((l, path)) = &boxed {
                self.assign_path(*l, path, lhs.span);
            }
            if t.needs_drop() {
                let skip = match (&boxed, refilled) {
                    (Some((l, _)), true) => {
                        self.emit(Op::IsOwned { local: *l });
                        Some(self.emit(Op::JumpIfFalse(0)))
                    }
                    _ => None,
                };
                self.place_addr(lhs);
                if t.plain_buffer() {
                    self.emit(Op::DropAt);
                } else {
                    let glue = self.glue(t);
                    self.emit(Op::DropGlueAt(glue));
                }
                if let Some(j) = skip {
                    self.patch_here(j);
                }
            }
            self.place_addr(lhs);
            self.copy_from_local(tmp, size);
            if let (Some((l, _)), true) = (&boxed, refilled) {
                // The Box owns all of its value again; its block is no longer the shell's.
                let l = *l;
                self.emit(Op::SetOwned {
                    local: l,
                    owned: true,
                });
                let shell = self.box_shell(l);
                self.emit(Op::SetOwned {
                    local: shell,
                    owned: false,
                });
            }
            // The Vecs and Boxes that moved in now belong to the place.
            if let (Some(name), true) = (self.place_name(lhs), self.is_static_place(lhs)) {
                if let Some((_, off)) = self.static_place(lhs) {
                    self.own_blocks(t, off, &name);
                }
            }
            return;
        }
        if t.is_mem() {
            // The new value is built first, then the old one is dropped, then it moves in.
            let (size, align) = self.layout(t);
            let tmp = self.reserve(size, align);
            self.assigned_value(lhs, rhs, t, tmp);
            if let Some(l) = self.local_res(lhs) {
                let off = self.f.locals[l as usize].off;
                if t.plain_buffer() {
                    self.drop_local(off, l, None);
                } else if t.needs_drop() {
                    self.drop_local(off, l, Some(t));
                }
                if let (Ty::Box(_), false) = (&t, self.f.parts.contains_key(&l)) {
                    // A Box whose value moved out still has its block: freed here.
                    let shell = self.box_shell(l);
                    let shell_ty = self.f.locals[shell as usize].ty.clone();
                    self.drop_local(off, shell, Some(&shell_ty));
                }
                self.emit(Op::AddrLocal(off));
                self.copy_from_local(tmp, size);
                self.check_reassign(l, lhs.span);
                self.f.moves.forget(l);
                self.own(l, off);
            }
            return;
        }
        self.expr(rhs);
        match &lhs.kind {
            ExprKind::Path(_) => {
                if let Some(l) = self.local_res(lhs) {
                    let off = self.f.locals[l as usize].off;
                    let size = self.scalar(t).size;
                    self.emit(Op::Store { off, size });
                    self.check_reassign(l, lhs.span);
                    self.f.moves.uninit.remove(&l);
                }
            }
            _ => {
                let size = self.scalar(t).size;
                if let Some((l, path, off)) = self.static_path(lhs) {
                    self.assign_path(l, &path, lhs.span);
                    self.emit(Op::Store { off, size });
                    return;
                }
                self.place_addr(lhs);
                self.emit(Op::StoreAt(size));
            }
        }
    }

    fn method(&mut self, e: &Expr, receiver: &Expr, args: &[Expr]) {
        if let Some(&(f, mode)) = self.c.method_fns.get(&e.id) {
            let ret = &self.c.sigs[f as usize].ret;
            let slot = self.call_with(e, f, Some((receiver, mode)), args);
            if ret.is_scalar() {
                let ty = self.scalar(ret);
                self.emit(Op::Load { off: slot, ty });
                self.set_stack(slot);
            }
            return;
        }
        let Some(m) = self.c.methods.get(&e.id).copied() else {
            return;
        };
        let rt = self.ty(receiver);
        match m {
            Method::Push => {
                let elem = self.elem_size(rt);
                let label = match self.place_name(receiver) {
                    Some(name) => self.label(format!("`{name}`")),
                    None => self.label("a temporary Vec".into()),
                };
                let at = self.span_id(e.span);
                self.vec_addr(receiver);
                let et = self.ty(&args[0]);
                if et.is_mem() {
                    // The element is built in a stack slot; push copies its bytes. What it
                    // allocates is owned through the Vec: `v[_]`, as rustc names an element
                    // whose index is not known where it is made.
                    let (size, align) = self.layout(et);
                    let tmp = self.reserve(size, align);
                    let owner = self.place_name(receiver).map(|n| format!("{n}[_]"));
                    if let Some(name) = &owner {
                        self.f.boxing.push((tmp, et.clone(), name.clone()));
                    }
                    self.expr_into(&args[0], Dest::Local(tmp));
                    if owner.is_some() {
                        self.f.boxing.pop();
                    }
                    self.emit(Op::AddrLocal(tmp));
                    self.emit(Op::VecPushCopy { elem, label, at });
                } else {
                    self.expr(&args[0]);
                    self.emit(Op::VecPush { elem, label, at });
                }
            }
            Method::Len if matches!(rt.deref_all(), Ty::Array(..)) => {
                let Ty::Array(_, n) = *rt.deref_all() else {
                    return;
                };
                if !self.is_place(receiver) {
                    self.expr_discard(receiver);
                }
                self.emit(Op::Const(n));
            }
            Method::Clone => {
                // Scalars only: a memory value's clone is made by `expr_into`.
                self.expr(receiver);
            }
            Method::Unwrap => {
                let ExprKind::MethodCall { method_span, .. } = &e.kind else {
                    return;
                };
                let payload = self.unwrap_check(receiver, *method_span);
                let t = self.ty(e);
                if t.is_scalar() {
                    let ty = self.scalar(t);
                    self.emit(Op::Load { off: payload, ty });
                }
            }
            Method::IsSome | Method::IsNone => {
                let off = self.option_offset(receiver);
                let ot = self.option_ty(receiver);
                self.emit(Op::AddrLocal(off));
                self.disc_test(ot);
                if m == Method::IsNone {
                    self.emit(Op::NotBool);
                }
            }
            Method::Pop
            | Method::ToString
            | Method::CloneBuffer
            | Method::First
            | Method::Last
            | Method::AsStr
            | Method::AsBytes
            | Method::Trim
            | Method::ToUppercase
            | Method::ToLowercase
            | Method::PopChar
            | Method::AsRef
            | Method::AsMut
            | Method::Take
            | Method::DeepClone => {}
            Method::Char(f) => self.char_fn(e, receiver, args, f),
            Method::CharCount => {
                // The receiver is `text.chars()`.
                if let ExprKind::MethodCall { receiver: text, .. } = &receiver.kind {
                    self.deref_addr(text);
                    self.emit(Op::StrCharCount);
                }
            }
            Method::StartsWith | Method::EndsWith | Method::Contains => {
                self.deref_addr(receiver);
                let char_pat = matches!(self.ty(&args[0]), Ty::Char);
                if char_pat {
                    self.expr(&args[0]);
                } else {
                    self.value_addr(&args[0]);
                }
                let kind = match m {
                    Method::StartsWith => StrMatch::Starts,
                    Method::EndsWith => StrMatch::Ends,
                    _ => StrMatch::Contains,
                };
                self.emit(Op::StrFind { kind, char_pat });
            }
            Method::Swap => self.swap_elements(e, receiver, args),
            Method::Sum | Method::ContainsElem => self.walk_elements(e, receiver, args, m),
            Method::Clear => {
                self.deref_addr(receiver);
                self.emit(Op::Clear);
            }
            Method::PushStr | Method::PushChar => {
                let label = match self.place_name(receiver) {
                    Some(name) => self.label(format!("`{name}`")),
                    None => self.label("a temporary String".into()),
                };
                let at = self.span_id(e.span);
                self.vec_addr(receiver);
                if m == Method::PushStr {
                    self.value_addr(&args[0]);
                    self.emit(Op::StringPushStr { label, at });
                } else {
                    self.expr(&args[0]);
                    self.emit(Op::StringPushChar { label, at });
                }
            }
            Method::Len | Method::Capacity | Method::IsEmpty => {
                self.vec_addr(receiver);
                self.emit(Op::VecField(if m == Method::Capacity { 2 } else { 1 }));
                if m == Method::IsEmpty {
                    self.emit(Op::Const(0));
                    self.emit(Op::Cmp {
                        op: Cmp::Eq,
                        signed: false,
                    });
                }
            }
            _ => {
                let Ty::Int(ty) = rt else { return };
                self.expr(receiver);
                let at = self.span_id(e.span);
                if m == Method::Abs {
                    self.emit(Op::Abs { ty: *ty, at });
                    return;
                }
                self.expr(&args[0]);
                let op = match m {
                    Method::Pow => Arith::Pow,
                    Method::Min => Arith::Min,
                    Method::Max => Arith::Max,
                    Method::WrappingAdd => Arith::WrappingAdd,
                    Method::WrappingSub => Arith::WrappingSub,
                    _ => Arith::WrappingMul,
                };
                self.emit(Op::Arith { op, ty: *ty, at });
            }
        }
    }

    /// `vec![x; n]` of a value that is not a scalar, as the standard library makes it: `x`
    /// first, then a block for `n` elements, then `n - 1` clones of `x` (deep clones when it
    /// owns memory) and `x` itself moved in last; for `n == 0`, `x` is dropped.
    fn vec_repeat_clones(&mut self, e: &Expr, value: &Expr, count: &Expr, dest: Dest) {
        let Ty::Vec(et) = self.ty(e) else { return };
        let (esize, ealign) = self.layout(et);
        let before = self.f.depth;
        let tmp = self.reserve(esize, ealign);
        // `x` and its clones are the elements: what they allocate is owned through the
        // Vec's owner, `v[_]` (not for `vec![x; 0]`, which drops `x`).
        let owner = self.label_text(dest, "vec!");
        let none = matches!(count.kind, ExprKind::Int { value: 0, .. });
        let element =
            (owner.starts_with('`') && !none).then(|| format!("{}[_]", owner.trim_matches('`')));
        if let Some(name) = &element {
            self.f.boxing.push((tmp, (**et).clone(), name.clone()));
        }
        self.value_into(value, et, Dest::Local(tmp));
        if element.is_some() {
            self.f.boxing.pop();
        }
        let us = self.usize_scalar();
        let w = self.ptr.bytes();
        let n = self.reserve(w, w);
        self.expr(count);
        self.emit(Op::Store {
            off: n,
            size: us.size,
        });
        let (label, at) = self.allocating_into(dest, "vec!", e.span);
        self.emit(Op::Load { off: n, ty: us });
        let elem = self.elem_size(&Ty::Vec(et.clone()));
        self.emit(Op::VecWithCapacity { elem, label, at });
        // The address of element `i` (in a register): the block's pointer plus `i` elements.
        let elem_addr = |g: &mut Self, index: &dyn Fn(&mut Self)| {
            g.push_dest(dest);
            g.emit(Op::VecField(0));
            index(g);
            g.emit(Op::Const(esize as u64));
            g.emit(Op::Arith {
                op: Arith::WrappingMul,
                ty: IntTy::Usize,
                at: 0,
            });
            g.emit(Op::Arith {
                op: Arith::WrappingAdd,
                ty: IntTy::Usize,
                at: 0,
            });
        };
        let owning = et.needs_drop();
        let glue = owning.then(|| self.clone_glue(et));
        // A clone glue gives one label to all it allocates: the element's when the element
        // is one buffer (a String, a Vec of scalars), the Vec's owner otherwise.
        let clone_label = match &element {
            Some(name) if et.plain_buffer() => self.label(format!("`{name}`")),
            _ => self.alloc_label(dest, "clone"),
        };
        let i = self.reserve(w, w);
        self.emit(Op::Const(0));
        self.emit(Op::Store {
            off: i,
            size: us.size,
        });
        // while i + 1 < n: element i = x.clone(); i += 1
        let head = self.here();
        self.emit(Op::Load { off: i, ty: us });
        self.emit(Op::Const(1));
        self.emit(Op::Arith {
            op: Arith::WrappingAdd,
            ty: IntTy::Usize,
            at: 0,
        });
        self.emit(Op::Load { off: n, ty: us });
        self.emit(Op::Cmp {
            op: Cmp::Lt,
            signed: false,
        });
        let done = self.emit(Op::JumpIfFalse(0));
        elem_addr(self, &|g: &mut Self| g.emit_load(i, us));
        match glue {
            Some(glue) => {
                self.emit(Op::AddrLocal(tmp));
                self.emit(Op::CloneValue {
                    glue,
                    label: clone_label,
                    at,
                });
            }
            None => {
                self.copy_from_local(tmp, esize);
            }
        }
        self.increment_counter(i, us);
        self.emit(Op::Jump(head));
        self.patch_here(done);
        // n == 0: `x` is dropped; else it moves into the last element, and the length is n.
        self.emit(Op::Load { off: n, ty: us });
        let some = self.emit(Op::JumpIfTrue(0));
        if owning {
            self.emit(Op::AddrLocal(tmp));
            if et.plain_buffer() {
                self.emit(Op::DropAt);
            } else {
                let g = self.glue(et);
                self.emit(Op::DropGlueAt(g));
            }
        }
        let end = self.emit(Op::Jump(0));
        self.patch_here(some);
        elem_addr(self, &|g: &mut Self| g.emit_load(i, us));
        self.copy_from_local(tmp, esize);
        self.emit(Op::Load { off: n, ty: us });
        self.push_dest(dest.at(w));
        self.emit(Op::StoreAt(us.size));
        self.patch_here(end);
        self.set_stack(before);
    }

    /// `v.swap(i, j)`: both indexes are checked (`i` first) before the elements' bytes
    /// trade places through a temporary.
    fn swap_elements(&mut self, e: &Expr, receiver: &Expr, args: &[Expr]) {
        let rt = self.ty(receiver);
        let elem_ty = match rt.deref_all() {
            Ty::Vec(t) | Ty::SliceMut(t) | Ty::SliceRef(t) | Ty::Array(t, _) => &**t,
            _ => return,
        };
        let (esize, ealign) = self.layout(elem_ty);
        let us = self.usize_scalar();
        let w = self.ptr.bytes();
        let mut idx = Vec::new();
        for a in args.iter().take(2) {
            let off = self.reserve(w, w);
            self.expr(a);
            self.emit(Op::Store { off, size: us.size });
            idx.push(off);
        }
        let [ia, ib] = idx[..] else { return };
        // An index out of bounds panics at the method's name (`swap` tracks its caller).
        let span = match &e.kind {
            ExprKind::MethodCall { method_span, .. } => *method_span,
            _ => e.span,
        };
        let at = self.span_id(span);
        let elem_addr = |g: &mut Self, i: u32| match rt.deref_all() {
            Ty::Array(_, len) => {
                g.deref_addr(receiver);
                g.emit(Op::Load { off: i, ty: us });
                g.emit(Op::ArrayIndex {
                    len: *len as u32,
                    elem: esize,
                    at,
                });
            }
            _ => {
                g.vec_addr(receiver);
                g.emit(Op::Load { off: i, ty: us });
                g.emit(Op::VecIndex {
                    elem: esize as u8,
                    at,
                });
            }
        };
        let tmp = self.reserve(esize, ealign);
        self.emit(Op::AddrLocal(tmp));
        elem_addr(self, ia);
        self.emit(Op::Copy(esize));
        elem_addr(self, ia);
        elem_addr(self, ib);
        self.emit(Op::Copy(esize));
        elem_addr(self, ib);
        self.copy_from_local(tmp, esize);
    }

    /// `v.iter().sum()` (each element added with rustc's overflow check, at the call) and
    /// `v.contains(&x)` (stopping at the first equal element): a loop over the elements'
    /// pointer and length, leaving the result in a register.
    fn walk_elements(&mut self, e: &Expr, receiver: &Expr, args: &[Expr], m: Method) {
        let src = match (m, &receiver.kind) {
            (Method::Sum, ExprKind::MethodCall { receiver: v, .. }) => &**v,
            _ => receiver,
        };
        let elem_ty = match self.ty(src).deref_all() {
            Ty::Vec(t) | Ty::SliceMut(t) | Ty::SliceRef(t) | Ty::Array(t, _) => &**t,
            _ => return,
        };
        let esize = elem_ty.size(self.ptr);
        let es = self.scalar(elem_ty);
        let us = self.usize_scalar();
        let w = self.ptr.bytes();
        let slice = self.reserve(2 * w, w);
        self.slice_of(src, slice);
        // The sum so far, or the value looked for.
        let acc = self.reserve(8, 8);
        match args.first() {
            Some(x) if m == Method::ContainsElem => {
                self.expr(x);
                self.emit(Op::LoadAt(es));
            }
            _ => {
                self.emit(Op::Const(0));
            }
        }
        self.emit(Op::Store { off: acc, size: 8 });
        let i = self.reserve(w, w);
        self.emit(Op::Const(0));
        self.emit(Op::Store {
            off: i,
            size: us.size,
        });
        let at = self.span_id(e.span);
        let head = self.here();
        self.emit(Op::Load { off: i, ty: us });
        self.emit(Op::AddrLocal(slice));
        self.emit(Op::VecField(1));
        self.emit(Op::Cmp {
            op: Cmp::Lt,
            signed: false,
        });
        let done = self.emit(Op::JumpIfFalse(0));
        let acc_ty = Scalar { size: 8, ..es };
        let load_elem = |g: &mut Self| {
            g.emit(Op::AddrLocal(slice));
            g.emit(Op::Load { off: i, ty: us });
            g.emit(Op::VecIndex {
                elem: esize as u8,
                at,
            });
            g.emit(Op::LoadAt(es));
        };
        let mut found = None;
        match m {
            Method::Sum => {
                let Ty::Int(ty) = elem_ty else { return };
                self.emit(Op::Load {
                    off: acc,
                    ty: acc_ty,
                });
                load_elem(self);
                self.emit(Op::Arith {
                    op: Arith::Add,
                    ty: *ty,
                    at,
                });
                self.emit(Op::Store { off: acc, size: 8 });
            }
            _ => {
                load_elem(self);
                self.emit(Op::Load {
                    off: acc,
                    ty: acc_ty,
                });
                self.emit(Op::Cmp {
                    op: Cmp::Eq,
                    signed: false,
                });
                found = Some(self.emit(Op::JumpIfTrue(0)));
            }
        }
        self.increment_counter(i, us);
        self.emit(Op::Jump(head));
        self.patch_here(done);
        match found {
            None => {
                self.emit(Op::Load {
                    off: acc,
                    ty: acc_ty,
                });
            }
            Some(hit) => {
                self.emit(Op::Const(0));
                let end = self.emit(Op::Jump(0));
                self.patch_here(hit);
                self.emit(Op::Const(1));
                self.patch_here(end);
            }
        }
    }

    fn emit_load(&mut self, off: u32, ty: Scalar) {
        self.emit(Op::Load { off, ty });
    }

    /// Pushes the `char` receiver (read through references), the radix if `f` takes one,
    /// and applies `f`.
    fn char_fn(&mut self, e: &Expr, receiver: &Expr, args: &[Expr], f: CharFn) {
        self.expr(receiver);
        let mut t = self.ty(receiver);
        let c = self.scalar(&Ty::Char);
        while let Ty::Ref(_, inner) = t {
            self.emit(Op::LoadAt(c));
            t = inner;
        }
        if let Some(radix) = args.first() {
            self.expr(radix);
        }
        let at = self.span_id(e.span);
        self.emit(Op::CharFn { f, at });
    }

    /// The `Option` type of a receiver (through references).
    fn option_ty(&self, e: &Expr) -> &'a Ty {
        self.ty(e).deref_all()
    }

    /// The frame offset of an `Option` value: a local's, or a temporary copy of it (a
    /// value behind a reference or at a computed address is copied; it is `Copy`).
    fn option_offset(&mut self, e: &Expr) -> u32 {
        let t = self.ty(e);
        if let Ty::Ref(..) = t {
            let ot = t.deref_all();
            let (size, align) = self.layout(ot);
            let off = self.reserve(size, align);
            self.emit(Op::AddrLocal(off));
            self.expr(e);
            let mut inner = t;
            while let Ty::Ref(_, i) = inner {
                if matches!(**i, Ty::Ref(..)) {
                    self.emit(Op::LoadAt(self.scalar(i)));
                }
                inner = i;
            }
            self.emit(Op::Copy(size));
            return off;
        }
        self.value_addr_local(e).unwrap_or(0)
    }

    /// Writes whether the `Option` of type `t` at `dest` is `Some`: its tag, or for `None`
    /// in a niche, the value no `T` holds.
    fn write_disc(&mut self, dest: Dest, t: &Ty, some: bool) {
        let Some(l) = option_layout(t, self.ptr) else {
            return;
        };
        let (off, size, value) = match l.disc {
            Disc::Tag => (0, 1, some as u64),
            Disc::Niche { .. } if some => return,
            Disc::Niche { off, size, value } => (off, size, value),
        };
        self.emit(Op::Const(value));
        match dest.at(off) {
            Dest::Local(o) => {
                self.emit(Op::Store {
                    off: o,
                    size: size as u8,
                });
            }
            d => {
                self.push_dest(d);
                self.emit(Op::StoreAt(size as u8));
            }
        }
    }

    /// Pops the address of an `Option` of type `t` and pushes whether it is `Some`.
    fn disc_test(&mut self, t: &Ty) {
        let Some(l) = option_layout(t, self.ptr) else {
            return;
        };
        match l.disc {
            Disc::Tag => {
                self.emit(Op::LoadAt(Scalar {
                    size: 1,
                    signed: false,
                }));
            }
            Disc::Niche { off, size, value } => {
                if off > 0 {
                    self.emit(Op::Offset(off));
                }
                self.emit(Op::LoadAt(Scalar {
                    size: size as u8,
                    signed: false,
                }));
                self.emit(Op::Const(value));
                self.emit(Op::Cmp {
                    op: Cmp::Ne,
                    signed: false,
                });
            }
        }
    }

    /// `opt.unwrap()`: panics as Rust does on `None`; returns the payload's frame offset.
    fn unwrap_check(&mut self, receiver: &Expr, span: Span) -> u32 {
        let ot = self.option_ty(receiver);
        let off = if ot.needs_drop() {
            // The payload moves out: the Option's owner gives it up.
            match self.local_res(receiver) {
                Some(_) if matches!(receiver.kind, ExprKind::Path(_)) => {
                    let l = self.use_local(receiver, true).unwrap_or(0);
                    self.set_owned(l, false);
                    self.f.locals[l as usize].off
                }
                _ => {
                    let (size, align) = self.layout(ot);
                    let off = self.reserve(size, align);
                    self.expr_into(receiver, Dest::Local(off));
                    off
                }
            }
        } else {
            self.option_offset(receiver)
        };
        self.emit(Op::AddrLocal(off));
        self.disc_test(ot);
        let j = self.emit(Op::JumpIfTrue(0));
        self.formats.push(vec![FmtPiece::Lit(
            "called `Option::unwrap()` on a `None` value".into(),
        )]);
        let format = self.formats.len() as u32 - 1;
        let at = self.span_id(span);
        self.emit(Op::Panic {
            format,
            args: 0,
            at,
        });
        self.patch_here(j);
        off + option_layout(ot, self.ptr).map_or(0, |l| l.payload)
    }

    /// `opt.as_ref()` / `opt.as_mut()` (a reference to the payload, if there is one) and
    /// `v.first()` / `v.last()` (a reference to that element of a Vec, slice or array, if
    /// it is not empty) into `dest`, an `Option<&T>`.
    fn some_ref_into(&mut self, e: &Expr, receiver: &Expr, m: Method, dest: Dest, t: &Ty) {
        let Some(out) = option_layout(t, self.ptr) else {
            return;
        };
        let ptr = self.pointer_scalar();
        let rt = self.ty(receiver).autoderef();
        // The receiver's address (through its references and Boxes), kept in a slot: it is
        // read once for the test, once more for the reference.
        let before = self.f.depth;
        let slot = self.reserve(ptr.size as u32, ptr.size as u32);
        self.deref_addr(receiver);
        self.emit(Op::ToRef);
        self.emit(Op::Store {
            off: slot,
            size: ptr.size,
        });
        let at = self.span_id(e.span);
        let none = match (m, &rt) {
            (Method::AsRef | Method::AsMut, Ty::Option(_)) => {
                self.emit(Op::Load { off: slot, ty: ptr });
                self.disc_test(rt);
                let none = self.emit(Op::JumpIfFalse(0));
                self.emit(Op::Load { off: slot, ty: ptr });
                let payload = option_layout(rt, self.ptr).map_or(0, |l| l.payload);
                if payload > 0 {
                    self.emit(Op::Offset(payload));
                }
                none
            }
            (_, Ty::Array(elem, n)) => {
                if *n == 0 {
                    self.write_disc(dest, t, false);
                    self.set_stack(before);
                    return;
                }
                self.emit(Op::Load { off: slot, ty: ptr });
                let index = if m == Method::First { 0 } else { *n as u32 - 1 };
                if index > 0 {
                    self.emit(Op::Offset(index * elem.size(self.ptr)));
                }
                // Never taken: an array that is not empty always has the element.
                self.emit(Op::Const(1));
                self.emit(Op::JumpIfFalse(0))
            }
            (_, Ty::Vec(elem) | Ty::SliceRef(elem)) => {
                let esize = elem.size(self.ptr) as u8;
                self.emit(Op::Load { off: slot, ty: ptr });
                self.emit(Op::VecField(1));
                self.emit(Op::Const(0));
                self.emit(Op::Cmp {
                    op: Cmp::Ne,
                    signed: false,
                });
                let none = self.emit(Op::JumpIfFalse(0));
                self.emit(Op::Load { off: slot, ty: ptr });
                if m == Method::First {
                    self.emit(Op::Const(0));
                } else {
                    self.emit(Op::Load { off: slot, ty: ptr });
                    self.emit(Op::VecField(1));
                    self.emit(Op::Const(1));
                    self.emit(Op::Arith {
                        op: Arith::WrappingSub,
                        ty: IntTy::Usize,
                        at: 0,
                    });
                }
                self.emit(Op::VecIndex { elem: esize, at });
                none
            }
            _ => {
                self.set_stack(before);
                return;
            }
        };
        // Some: the reference goes into the payload.
        match dest.at(out.payload) {
            Dest::Local(o) => {
                self.emit(Op::Store {
                    off: o,
                    size: ptr.size,
                });
            }
            d => {
                self.push_dest(d);
                self.emit(Op::StoreAt(ptr.size));
            }
        }
        self.write_disc(dest, t, true);
        let end = self.emit(Op::Jump(0));
        self.patch_here(none);
        self.write_disc(dest, t, false);
        self.patch_here(end);
        self.set_stack(before);
    }

    /// `v.pop()` into `dest`: the last element's bytes are copied out and the length drops.
    fn pop_into(&mut self, receiver: &Expr, dest: Dest, t: &Ty) {
        let rt = self.ty(receiver);
        let elem = self.elem_size(rt);
        let Some(l) = option_layout(t, self.ptr) else {
            return;
        };
        self.vec_addr(receiver);
        self.emit(Op::VecPop { elem });
        let none = self.emit(Op::JumpIfFalse(0));
        self.push_dest(dest.at(l.payload));
        self.emit(Op::Swap);
        self.emit(Op::Copy(elem as u32));
        self.write_disc(dest, t, true);
        let end = self.emit(Op::Jump(0));
        self.patch_here(none);
        self.write_disc(dest, t, false);
        self.patch_here(end);
    }

    /// Emits the tests of pattern `pat` against the value of type `t` at frame offset `off`;
    /// each failing test jumps to one of `fails` (patched by the caller).
    fn pat_test(&mut self, pat: &Pat, t: &Ty, off: u32, fails: &mut Vec<usize>) {
        let explicit = match pat {
            Pat::Ref(inner_pat, _) => Some(&**inner_pat),
            _ => None,
        };
        if let (Ty::Ref(_, inner), true) = (t, explicit.is_some() || !binds_whole(pat, t)) {
            // Match ergonomics: the pattern looks at what the reference points to, copied
            // into a slot of its own to be tested in place.
            let (size, align) = self.layout(inner);
            let copy = self.reserve(size, align);
            let ptr = self.scalar(t);
            self.emit(Op::AddrLocal(copy));
            self.emit(Op::Load { off, ty: ptr });
            self.emit(Op::Copy(size));
            return self.pat_test(explicit.unwrap_or(pat), inner, copy, fails);
        }
        match pat {
            Pat::Bind { name, .. } if name == "None" && matches!(t, Ty::Option(_)) => {
                self.emit(Op::AddrLocal(off));
                self.disc_test(t);
                fails.push(self.emit(Op::JumpIfTrue(0)));
            }
            Pat::Bind { .. } | Pat::Wild(_) | Pat::Ref(..) => {}
            Pat::Lit { value, .. } => {
                let sc = self.scalar(t);
                self.emit(Op::Load { off, ty: sc });
                self.emit(Op::Const(*value as i64 as u64 & mask(sc)));
                self.emit(Op::Cmp {
                    op: Cmp::Eq,
                    signed: sc.signed,
                });
                fails.push(self.emit(Op::JumpIfFalse(0)));
            }
            Pat::Str(text, _) => {
                // The literal as a `&str` in a temporary, compared byte by byte.
                let w = self.ptr.bytes();
                let lit = self.literal(text);
                let tmp = self.reserve(2 * w, w);
                self.emit(Op::AddrLocal(tmp));
                self.emit(Op::StrLit {
                    off: lit,
                    len: text.len() as u32,
                });
                self.emit(Op::AddrLocal(off));
                self.emit(Op::AddrLocal(tmp));
                self.emit(Op::StrEq);
                fails.push(self.emit(Op::JumpIfFalse(0)));
            }
            Pat::Bool(b, _) => {
                self.emit(Op::Load {
                    off,
                    ty: Scalar {
                        size: 1,
                        signed: false,
                    },
                });
                self.emit(Op::Const(*b as u64));
                self.emit(Op::Cmp {
                    op: Cmp::Eq,
                    signed: false,
                });
                fails.push(self.emit(Op::JumpIfFalse(0)));
            }
            Pat::Range {
                lo, hi, inclusive, ..
            } => {
                let sc = self.scalar(t);
                for (v, op) in [
                    (*lo, Cmp::Ge),
                    (*hi, if *inclusive { Cmp::Le } else { Cmp::Lt }),
                ] {
                    if v == RANGE_OPEN_LO || v == RANGE_OPEN_HI {
                        continue;
                    }
                    self.emit(Op::Load { off, ty: sc });
                    self.emit(Op::Const(v as i64 as u64 & mask(sc)));
                    self.emit(Op::Cmp {
                        op,
                        signed: sc.signed,
                    });
                    fails.push(self.emit(Op::JumpIfFalse(0)));
                }
            }
            Pat::Or(alts, _) => {
                let mut oks = Vec::new();
                for (i, a) in alts.iter().enumerate() {
                    if i + 1 == alts.len() {
                        self.pat_test(a, t, off, fails);
                    } else {
                        let mut f2 = Vec::new();
                        self.pat_test(a, t, off, &mut f2);
                        oks.push(self.emit(Op::Jump(0)));
                        let h = self.here();
                        for f in f2 {
                            self.patch(f, h);
                        }
                    }
                }
                let h = self.here();
                for o in oks {
                    self.patch(o, h);
                }
            }
            Pat::TupleStruct { name, items, .. } if name == "Some" && items.len() == 1 => {
                let Ty::Option(inner) = t else { return };
                let Some(l) = option_layout(t, self.ptr) else {
                    return;
                };
                self.emit(Op::AddrLocal(off));
                self.disc_test(t);
                fails.push(self.emit(Op::JumpIfFalse(0)));
                self.pat_test(&items[0], inner, off + l.payload, fails);
            }
            Pat::Tuple(items, _) | Pat::TupleStruct { items, .. } => {
                for (p, (_, ft, foff)) in items.iter().zip(t.fields(self.ptr)) {
                    self.pat_test(p, &ft, off + foff, fails);
                }
            }
            Pat::Struct { fields, .. } => {
                let layout = t.fields(self.ptr);
                for (name, _, p) in fields {
                    if let Some((_, ft, foff)) = layout.iter().find(|f| &f.0 == name) {
                        self.pat_test(p, ft, off + foff, fails);
                    }
                }
            }
        }
    }

    /// `match`: the scrutinee is read in place (a local or a field of one, or a copy of the
    /// bytes of a place in a Box's value) or built in a temporary; each arm tests its
    /// pattern, binds its names (copies of the parts), checks its guard and runs its body
    /// into `dest` (memory values) or a register. Once the guard holds, the parts the names
    /// take by value move out of the place (their drop flags are cleared; the rest stays
    /// with its owner) or out of the temporary, whose other parts are dropped after the arm.
    fn match_expr(&mut self, e: &Expr, scrutinee: &Expr, arms: &[Arm], dest: Option<Dest>) {
        let t = self.ty(e);
        let st = self.ty(scrutinee);
        let owning = st.needs_drop();
        let arm_leaves: Vec<Vec<Leaf>> = arms
            .iter()
            .map(|arm| {
                let ids = self
                    .c
                    .pat_locals
                    .get(&arm.body.id)
                    .cloned()
                    .unwrap_or_default();
                pat_leaves(&arm.pat, st, self.ptr, ids).0
            })
            .collect();
        let moving = owning && arm_leaves.iter().flatten().any(Leaf::moves);
        if let (ExprKind::Deref(inner), true) = (&scrutinee.kind, moving) {
            if matches!(self.ty(inner), Ty::Ref(..)) {
                let how = match self.ty(inner) {
                    Ty::Ref(true, _) => "mutable",
                    _ => "shared",
                };
                // rustc names the first part a name would take.
                let first = arm_leaves.iter().flatten().find(|leaf| leaf.moves());
                let what = match (&st, first) {
                    (Ty::Option(_), _) => {
                        format!("`{}` as enum variant `Some`", check::place_text(inner))
                    }
                    (_, Some(leaf)) if !leaf.path.is_empty() => format!(
                        "`{}.{}`",
                        check::place_text(inner),
                        path_text(st, &leaf.path, self.ptr)
                    ),
                    _ => format!("`{}`", check::place_text(scrutinee)),
                };
                self.diags.push(
                    Diagnostic::error(
                        DiagnosticKind::Ownership,
                        scrutinee.span,
                        format!("cannot move out of {what} which is behind a {how} reference"),
                    )
                    .with_code("E0507")
                    .with_note("match on the reference instead (`match r`) to bind references to the parts"),
                );
                return;
            }
        }
        let stmt_level = dest.is_none() && matches!(t, Ty::Unit | Ty::Never);
        if stmt_level {
            self.step(scrutinee.span, StepKind::Condition);
        }
        let depth0 = self.f.depth;
        // Where the value is: a place of a local (matched in place), a place in a Box's
        // value (its bytes copied to read it), or a temporary.
        // A `ref x` name needs the place itself, also for a scalar.
        let by_ref = arm_leaves
            .iter()
            .flatten()
            .any(|l| l.by_ref && l.through.is_none());
        let static_place = if st.is_mem() || by_ref {
            self.static_path(scrutinee)
        } else {
            None
        };
        let boxed_place = match (&static_place, st.is_mem()) {
            (None, true) => self.part_place(scrutinee),
            _ => None,
        };
        let mut place: Option<(LocalId, FieldPath)> = None;
        let mut origin = None;
        let mut temp_glue = None;
        let soff = if let Some((l, path, off)) = static_place {
            self.match_place_use(l, &path, scrutinee, &arm_leaves);
            place = Some((l, path));
            off
        } else if let Some((l, path)) = boxed_place {
            self.match_place_use(l, &path, scrutinee, &arm_leaves);
            let (size, align) = self.layout(st);
            let off = self.reserve(size, align);
            self.emit(Op::AddrLocal(off));
            self.path_addr(l, &path);
            self.emit(Op::Copy(size));
            place = Some((l, path));
            off
        } else if st.is_scalar() && !(by_ref && self.is_place(scrutinee)) {
            self.expr(scrutinee);
            let (size, align) = self.layout(st);
            let off = self.reserve(size, align);
            let size = self.scalar(st).size;
            self.emit(Op::Store { off, size });
            off
        } else if (st.is_mem() || by_ref) && !moving && self.is_place(scrutinee) {
            // A place behind an address known at run time (`v[0]`, `r.items`) that no arm
            // moves out of: its bytes are read through a copy, and a `ref` name gets the
            // real place's address (kept in a slot).
            let slot = self.reserve(self.ptr.bytes(), self.ptr.bytes());
            self.place_addr(scrutinee);
            self.emit(Op::ToRef);
            self.emit(Op::Store {
                off: slot,
                size: self.ptr.bytes() as u8,
            });
            origin = Some(slot);
            let (size, align) = self.layout(st);
            let off = self.reserve(size, align);
            self.emit(Op::AddrLocal(off));
            self.emit(Op::Load {
                off: slot,
                ty: self.pointer_scalar(),
            });
            self.emit(Op::Copy(size));
            off
        } else if st.is_mem() {
            let (size, align) = self.layout(st);
            let off = self.reserve(size, align);
            self.expr_into(scrutinee, Dest::Local(off));
            if owning {
                let glue = self.glue(st);
                if moving {
                    // Arms that take parts own them; the rest is dropped after each arm.
                    temp_glue = Some(glue);
                } else {
                    self.f.temps.push(Temp {
                        off,
                        glue: Some(glue),
                        via: None,
                    });
                }
            }
            off
        } else {
            self.expr_discard(scrutinee);
            0
        };
        let arm_depth = self.f.depth;
        let before = self.f.moves.clone();
        let mut after = Moves {
            dead: true,
            ..Moves::default()
        };
        let mut ends = Vec::new();
        for (arm, leaves) in arms.iter().zip(&arm_leaves) {
            self.f.moves = before.clone();
            let mut fails = Vec::new();
            self.pat_test(&arm.pat, st, soff, &mut fails);
            self.f.scopes.push((Vec::new(), arm_depth));
            let takes = leaves.iter().any(Leaf::moves);
            if let Some((l, path)) = &place {
                // Per name: a move (or copy, or borrow) of that part of the place.
                for leaf in leaves {
                    let mut at = path.clone();
                    at.extend_from_slice(&leaf.path);
                    let how = if leaf.moves() {
                        Use::Move
                    } else if leaf.by_ref || leaf.through.is_some() {
                        Use::Borrow
                    } else {
                        Use::Copy
                    };
                    self.use_path(*l, &at, leaf.span, how);
                }
            }
            let mut bound = Vec::new();
            for leaf in leaves {
                let dst = self.declare(leaf.local);
                self.copy_leaf(leaf, soff, dst, scrutinee.span, origin);
                bound.push(dst);
            }
            if let Some(g) = &arm.guard {
                self.expr(g);
                fails.push(self.emit(Op::JumpIfFalse(0)));
            }
            for (leaf, dst) in leaves.iter().zip(bound) {
                if leaf.through.is_none() {
                    self.own(leaf.local, dst);
                }
            }
            if let (Some((l, path)), true, true) = (&place, takes, owning) {
                // The arm is taken: what its names took is no longer the place's.
                for leaf in leaves.iter().filter(|leaf| leaf.moves()) {
                    let mut at = path.clone();
                    at.extend_from_slice(&leaf.path);
                    self.move_out_flags(*l, &at, leaf.span);
                }
            }
            let body_block = matches!(
                arm.body.kind,
                ExprKind::Block(_)
                    | ExprKind::If(..)
                    | ExprKind::While(..)
                    | ExprKind::Loop(_)
                    | ExprKind::For { .. }
                    | ExprKind::Match { .. }
            );
            let site =
                (stmt_level && !body_block).then(|| self.step(arm.body.span, StepKind::Statement));
            let body_depth = self.f.depth;
            match dest {
                Some(d) => self.expr_into(&arm.body, d),
                None if t.is_scalar() => self.expr(&arm.body),
                None => self.expr_discard(&arm.body),
            }
            if site.is_some() {
                self.end_statement(body_depth, site);
            }
            // The arm's bindings that own memory are dropped at the end of the arm.
            let arm_scope = self.f.scopes.len() - 1;
            if !self.f.moves.dead && self.scope_has_drops(arm_scope) {
                self.emit_drops(arm_scope);
            }
            if let (Some(glue), false) = (temp_glue, self.f.moves.dead) {
                if takes {
                    // What the pattern leaves in the matched temporary (`Some(S { name, ..
                    // })`) is dropped with it, after the arm.
                    for (path, off, pty) in value_parts(st, self.ptr) {
                        if leaves
                            .iter()
                            .any(|l| l.moves() && path.starts_with(&l.path))
                        {
                            continue;
                        }
                        self.emit(Op::AddrLocal(soff + off));
                        if pty.plain_buffer() {
                            self.emit(Op::DropAt);
                        } else {
                            let glue = self.glue(&pty);
                            self.emit(Op::DropGlueAt(glue));
                        }
                    }
                } else {
                    // Nothing was taken: the whole temporary is dropped after the arm.
                    self.emit(Op::AddrLocal(soff));
                    self.emit(Op::DropGlueAt(glue));
                }
            }
            self.pop_scope();
            if self.f.depth != arm_depth {
                self.set_stack(arm_depth);
            }
            after.merge(&self.f.moves);
            ends.push(self.emit(Op::Jump(0)));
            let h = self.here();
            for f in fails {
                self.patch(f, h);
            }
            self.set_stack(arm_depth);
        }
        let h = self.here();
        for j in ends {
            self.patch(j, h);
        }
        self.f.moves = after;
        if self.f.depth != depth0 || arm_depth != depth0 {
            self.set_stack(depth0);
        }
    }

    /// The use a `match` makes of the place `path` of local `l` it matches in place, before
    /// its arms use the parts they bind: when the place (or one it lies in) has moved out,
    /// E0382 is reported where rustc reports it, at the last name that would take a part by
    /// value (unnamed when the part is in an `Option`'s payload), else at the scrutinee.
    fn match_place_use(&mut self, l: LocalId, path: &[u32], scrutinee: &Expr, arms: &[Vec<Leaf>]) {
        if self.f.moves.uninit.contains_key(&l) {
            self.use_path(l, path, scrutinee.span, Use::Copy);
            return;
        }
        if self.f.moves.dead {
            return;
        }
        let whole = self
            .f
            .moves
            .moved
            .iter()
            .find(|((ml, mp), _)| *ml == l && path.starts_with(mp))
            .map(|((_, mp), at)| (mp.clone(), *at));
        let Some((moved, at)) = whole else {
            return;
        };
        let taker = arms.iter().flatten().rfind(|leaf| leaf.moves());
        let Some(leaf) = taker else {
            self.use_path(l, path, scrutinee.span, Use::Copy);
            return;
        };
        let mut used = path.to_vec();
        used.extend_from_slice(&leaf.path);
        let msg = if used.contains(&SOME_PAYLOAD) {
            "use of moved value".to_string()
        } else {
            format!("use of moved value: `{}`", self.path_name(l, &used))
        };
        let decl_span = self.c.locals[self.f.id as usize][l as usize].span;
        let name = &self.f.locals[l as usize].name;
        let ty = self.path_ty(l, &moved);
        let mut d = Diagnostic::error(DiagnosticKind::Ownership, leaf.span, msg)
            .with_code("E0382")
            .with_span_label("value used here after move")
            .with_label(at, "value moved here");
        if moved.is_empty() {
            d = d.with_label(
                decl_span,
                format!("move occurs because `{name}` has type `{ty}`, which does not implement the `Copy` trait"),
            );
        }
        self.diags.push(d);
        // Reported once: the arms' own uses of the place are not checked again.
        self.f.moves.dead = true;
    }

    /// The part at `path` of local `l` moves out (a `match` arm's name takes it): the drop
    /// flags of the parts inside it are cleared; a part it lies in is cleared when the name
    /// takes all it owns (`Some(s)` of an `Option` part), and a local without parts gives
    /// up its whole value.
    fn move_out_flags(&mut self, l: LocalId, path: &[u32], span: Span) {
        let Some(parts) = self.f.parts.get(&l) else {
            self.set_owned(l, false);
            return;
        };
        if parts.iter().any(|p| p.path.starts_with(path)) {
            self.set_part_owned(l, path, false);
            return;
        }
        let holder = parts
            .iter()
            .find(|p| path.starts_with(&p.path))
            .map(|p| (p.path.clone(), p.flag));
        match holder {
            Some((ppath, flag)) if path[ppath.len()..].iter().all(|&i| i == SOME_PAYLOAD) => {
                self.emit(Op::SetOwned {
                    local: flag,
                    owned: false,
                });
            }
            Some(_) => self.diags.push(Diagnostic::error(
                DiagnosticKind::Unsupported,
                span,
                "moving part of an `Option` field's payload out is not supported yet",
            )),
            None => {}
        }
    }

    fn format(&mut self, e: &Expr, mac: FormatMacro, args: &[Expr]) {
        let (pieces, sources) = match self.c.formats.get(&e.id) {
            Some(p) => p.clone(),
            None => (
                vec![Piece::Literal(match mac {
                    FormatMacro::Panic => "explicit panic".into(),
                    _ => String::new(),
                })],
                Vec::new(),
            ),
        };
        // Push each argument once, in order, then each captured name. When a later argument
        // calls a function, earlier values wait on the stack, not in registers. The
        // arguments are borrowed (a field named there is not moved or copied out).
        let borrowing = self.f.borrowing;
        let spill = args.iter().skip(1).any(|a| self.calls_fn(a));
        let mut count = 0usize;
        if spill {
            let mut saved = Vec::new();
            for a in args {
                let t = self.ty(a);
                self.f.borrowing = matches!(a.kind, ExprKind::Field { .. });
                if t.is_mem() {
                    let off = self.value_addr_local(a).unwrap_or(0);
                    saved.push(Op::AddrLocal(off));
                } else if self.is_rereadable(a) {
                    saved.push(Op::Pop);
                } else {
                    self.expr(a);
                    let (size, align) = self.layout(t);
                    let off = self.reserve(size, align);
                    let ty = self.scalar(t);
                    self.emit(Op::Store { off, size: ty.size });
                    saved.push(Op::Load { off, ty });
                }
            }
            for (a, op) in args.iter().zip(saved) {
                match op {
                    Op::Pop => {
                        self.f.borrowing = matches!(a.kind, ExprKind::Field { .. });
                        self.expr(a)
                    }
                    op => {
                        self.emit(op);
                    }
                }
                count += 1;
            }
        } else {
            for a in args {
                let t = self.ty(a);
                self.f.borrowing = matches!(a.kind, ExprKind::Field { .. });
                if t.is_mem() {
                    self.value_addr(a);
                } else {
                    self.expr(a);
                }
                count += 1;
            }
        }
        self.f.borrowing = borrowing;
        let mut out = Vec::new();
        let mut src_iter = sources.iter();
        for p in pieces {
            match p {
                Piece::Literal(s) => out.push(FmtPiece::Lit(s)),
                Piece::Arg { spec, .. } => {
                    let Some(src) = src_iter.next() else { break };
                    match src {
                        FormatSource::Arg(i) => {
                            let ty = self.ty(&args[*i]);
                            out.push(FmtPiece::Arg {
                                value: *i,
                                spec,
                                ty: ty.clone(),
                            });
                        }
                        FormatSource::Local(l, _) => {
                            let slot = self.f.locals[*l as usize].clone();
                            if slot.ty.is_mem() {
                                self.emit(Op::AddrLocal(slot.off));
                            } else {
                                let ty = self.scalar(&slot.ty);
                                self.emit(Op::Load { off: slot.off, ty });
                            }
                            out.push(FmtPiece::Arg {
                                value: count,
                                spec,
                                ty: slot.ty.clone(),
                            });
                            count += 1;
                        }
                    }
                }
            }
        }
        self.formats.push(out);
        let format = self.formats.len() as u32 - 1;
        let n = count.min(255) as u8;
        match mac {
            FormatMacro::Format => {
                let at = self.span_id(e.span);
                let label = self.format_label;
                self.emit(Op::FormatString {
                    format,
                    args: n,
                    label,
                    at,
                });
            }
            FormatMacro::Panic => {
                let at = self.span_id(e.span);
                self.emit(Op::Panic {
                    format,
                    args: n,
                    at,
                });
                self.f.moves.dead = true;
            }
            FormatMacro::Println | FormatMacro::Print => {
                if mac == FormatMacro::Println {
                    self.formats[format as usize].push(FmtPiece::Lit("\n".into()));
                }
                self.emit(Op::Print {
                    format,
                    args: n,
                    stderr: false,
                });
            }
            FormatMacro::Eprintln | FormatMacro::Eprint => {
                if mac == FormatMacro::Eprintln {
                    self.formats[format as usize].push(FmtPiece::Lit("\n".into()));
                }
                self.emit(Op::Print {
                    format,
                    args: n,
                    stderr: true,
                });
            }
        }
    }
}

/// A name a pattern binds: its local, where its part lies in the matched value (offset and
/// field path), its type, and where the name is written. A part reached through a reference
/// (match ergonomics: `Some(x)` against `&Option<T>`) lies behind the pointer at `through`'s
/// offset in the value, then behind the pointers at each offset of its chain in turn; such a
/// name binds a reference to the part (`by_ref`) unless it is written `mut x`.
#[derive(Clone, Debug)]
struct Leaf {
    local: LocalId,
    off: u32,
    path: FieldPath,
    ty: Ty,
    span: Span,
    through: Option<(u32, Vec<u32>)>,
    by_ref: bool,
}

impl Leaf {
    /// Binding the name moves the part out of the matched value.
    fn moves(&self) -> bool {
        !self.by_ref && !self.ty.is_copy()
    }
}

/// The bound names of a pattern matched against a value of type `t`, in the order the
/// checker declared them (`ids`), and whether `_` or `..` leaves a part that is not `Copy`.
fn pat_leaves(pat: &Pat, t: &Ty, ptr: PtrWidth, ids: Vec<LocalId>) -> (Vec<Leaf>, bool) {
    let mut w = LeafWalk {
        ptr,
        ids: ids.into_iter(),
        out: Vec::new(),
        unbound_owner: false,
    };
    w.walk(pat, t, 0, &mut Vec::new(), None, false);
    (w.out, w.unbound_owner)
}

struct LeafWalk {
    ptr: PtrWidth,
    ids: std::vec::IntoIter<LocalId>,
    out: Vec<Leaf>,
    unbound_owner: bool,
}

impl LeafWalk {
    /// Walks `pat` against a part of type `t` at `base` (in the value, or in what the
    /// pointers of `through` lead to); names bind by reference when `by_ref`.
    fn walk(
        &mut self,
        pat: &Pat,
        t: &Ty,
        base: u32,
        path: &mut FieldPath,
        through: Option<&(u32, Vec<u32>)>,
        by_ref: bool,
    ) {
        let deref = |through: Option<&(u32, Vec<u32>)>| match through {
            None => (base, Vec::new()),
            Some((slot, chain)) => {
                let mut chain = chain.clone();
                chain.push(base);
                (*slot, chain)
            }
        };
        if let (Pat::Ref(inner_pat, _), Ty::Ref(_, inner)) = (pat, t) {
            // `&p`: what the reference points to, bound by value.
            let next = deref(through);
            return self.walk(inner_pat, inner, 0, &mut Vec::new(), Some(&next), false);
        }
        if let (Ty::Ref(_, inner), false) = (t, binds_whole(pat, t)) {
            // Through the reference: the part it points to, bound by reference.
            let next = deref(through);
            return self.walk(pat, inner, 0, &mut Vec::new(), Some(&next), true);
        }
        let fields = t.fields(self.ptr);
        match pat {
            Pat::Bind { name, .. } if name == "None" && matches!(t, Ty::Option(_)) => {}
            Pat::Bind { name, .. } if is_unit_struct(t, name) => {}
            Pat::Lit { .. }
            | Pat::Bool(..)
            | Pat::Range { .. }
            | Pat::Or(..)
            | Pat::Str(..)
            | Pat::Ref(..) => {}
            Pat::TupleStruct { name, items, .. } if name == "Some" && items.len() == 1 => {
                if let (Ty::Option(inner), Some(l)) = (t, option_layout(t, self.ptr)) {
                    path.push(SOME_PAYLOAD);
                    self.walk(&items[0], inner, base + l.payload, path, through, by_ref);
                    path.pop();
                }
            }
            Pat::Bind {
                span,
                mutable,
                by_ref: written,
                ..
            } => {
                if let Some(l) = self.ids.next() {
                    self.out.push(Leaf {
                        local: l,
                        off: base,
                        path: path.clone(),
                        ty: t.clone(),
                        span: *span,
                        through: through.cloned(),
                        by_ref: written.is_some() || by_ref && !*mutable,
                    });
                }
            }
            Pat::Wild(_) => self.unbound_owner |= through.is_none() && !t.is_copy(),
            Pat::Tuple(items, _) | Pat::TupleStruct { items, .. } => {
                for (i, (p, (_, ft, off))) in items.iter().zip(fields).enumerate() {
                    path.push(i as u32);
                    self.walk(p, &ft, base + off, path, through, by_ref);
                    path.pop();
                }
            }
            Pat::Struct {
                fields: pfields,
                rest,
                ..
            } => {
                for (name, _, p) in pfields {
                    if let Some((i, (_, ft, off))) =
                        fields.iter().enumerate().find(|(_, f)| &f.0 == name)
                    {
                        path.push(i as u32);
                        self.walk(p, ft, base + off, path, through, by_ref);
                        path.pop();
                    }
                }
                if *rest && through.is_none() {
                    self.unbound_owner |= fields
                        .iter()
                        .any(|f| !f.1.is_copy() && !pfields.iter().any(|p| p.0 == f.0));
                }
            }
        }
    }
}

/// Whether pattern `pat` takes a value of type `t` as a whole (a name or `_`), rather than
/// looking inside it (which, for a reference, means looking at what it points to).
fn binds_whole(pat: &Pat, t: &Ty) -> bool {
    match pat {
        Pat::Wild(_) => true,
        Pat::Bind { name, .. } => name != "None" && !is_unit_struct(t.deref_all(), name),
        _ => false,
    }
}

/// What a `for` loop walks: its range expression, or what `.enumerate()` is called on.
fn for_source(range: &Expr) -> &Expr {
    match &range.kind {
        ExprKind::MethodCall {
            receiver,
            method,
            args,
            ..
        } if method == "enumerate" && args.is_empty() => receiver,
        _ => range,
    }
}

/// What a `for` loop's items come from: the source, or what `.into_iter()` is called on
/// (it walks that value itself).
fn into_iter_of(src: &Expr) -> &Expr {
    match &src.kind {
        ExprKind::MethodCall {
            receiver,
            method,
            args,
            ..
        } if method == "into_iter" && args.is_empty() => receiver,
        _ => src,
    }
}

/// Whether `name` in a pattern against a value of type `t` is that unit struct's name.
fn is_unit_struct(t: &Ty, name: &str) -> bool {
    matches!(t, Ty::Struct(d) if d.kind == crate::types::StructKind::Unit && d.name == name)
}

/// All ones in the bytes of a scalar (integer constants in patterns are compared as loaded).
fn mask(sc: Scalar) -> u64 {
    if sc.signed || sc.size >= 8 {
        u64::MAX
    } else {
        (1u64 << (sc.size as u32 * 8)) - 1
    }
}

/// The scalar fields inside a value of type `t`, with their offsets from `base`.
fn scalar_leaves(t: &Ty, ptr: PtrWidth, base: u32, out: &mut Vec<(u32, Ty)>) {
    match t {
        Ty::Struct(_) | Ty::Tuple(_) => {
            for (_, ft, off) in t.fields(ptr) {
                scalar_leaves(&ft, ptr, base + off, out);
            }
        }
        Ty::Array(e, n) => {
            let size = e.size(ptr);
            for i in 0..*n as u32 {
                if out.len() > MAX_EQ_FIELDS {
                    return;
                }
                scalar_leaves(e, ptr, base + i * size, out);
            }
        }
        t if t.is_scalar() => out.push((base, t.clone())),
        _ => {}
    }
    if out.len() > MAX_EQ_FIELDS {
        out.truncate(MAX_EQ_FIELDS + 1);
    }
}

/// Most scalar fields `==` compares one by one (each is a few ops of code).
const MAX_EQ_FIELDS: usize = 4096;

/// The parts of a value of type `t` that own memory, looking into structs and tuples: each
/// one's field path, offset (from `base`) and type, in declaration order (drop order).
fn owner_parts(
    t: &Ty,
    ptr: PtrWidth,
    base: u32,
    path: &mut FieldPath,
    out: &mut Vec<(FieldPath, u32, Ty)>,
) {
    match t {
        Ty::Struct(_) | Ty::Tuple(_) => {
            for (i, (_, ft, off)) in t.fields(ptr).into_iter().enumerate() {
                path.push(i as u32);
                owner_parts(&ft, ptr, base + off, path, out);
                path.pop();
            }
        }
        t if t.needs_drop() => out.push((path.clone(), base, t.clone())),
        _ => {}
    }
}

/// A place as the labels of what it owns name it: `node`, `n.left`, `*node`, an element by
/// its index when it is a literal (`v[0]`) and as rustc names it otherwise (`v[_]`).
fn owner_text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Path(segs) if segs.len() == 1 => Some(segs[0].0.clone()),
        ExprKind::Field { base, name, .. } => Some(format!("{}.{name}", owner_text(base)?)),
        ExprKind::Index(base, index) => Some(match index.kind {
            ExprKind::Int { value, .. } => format!("{}[{value}]", owner_text(base)?),
            _ => format!("{}[_]", owner_text(base)?),
        }),
        ExprKind::Deref(inner) => Some(format!("*{}", owner_text(inner)?)),
        _ => None,
    }
}

/// In a field path, the payload of an `Option`'s `Some` (as in `Some(Person { name, .. })`).
const SOME_PAYLOAD: u32 = u32::MAX;

/// In a field path, the value a `Box` holds (`*b`; `b.next` is this, then `next`).
const BOX_VALUE: u32 = u32::MAX - 1;

/// Most Boxes deep a local's parts reach into (`b.next`, `o.b.c.name`); a Box deeper than
/// that is one part.
const MAX_BOX_PARTS: u32 = 4;

/// The parts of a local of type `t` that get drop flags of their own: as [`value_parts`],
/// and also the parts of the values Boxes hold, each followed by its Box's block (a
/// `Box<()>` part at the Box, whose drop frees only the block), as rustc drops a Box: its
/// value first, then the block. Each part's place is given as in [`Part::at`].
fn local_parts(t: &Ty, ptr: PtrWidth) -> Vec<(FieldPath, Vec<u32>, Ty)> {
    let mut out = Vec::new();
    match (t, option_layout(t, ptr)) {
        (Ty::Option(inner), Some(l)) => held_parts(
            inner,
            ptr,
            &mut vec![l.payload],
            &mut vec![SOME_PAYLOAD],
            0,
            &mut out,
        ),
        _ => held_parts(t, ptr, &mut vec![0], &mut Vec::new(), 0, &mut out),
    }
    out
}

/// [`local_parts`] of a value of type `t` at `at` (the last offset is the value's, in the
/// block or local the earlier ones lead to), `boxes` Boxes deep.
fn held_parts(
    t: &Ty,
    ptr: PtrWidth,
    at: &mut Vec<u32>,
    path: &mut FieldPath,
    boxes: u32,
    out: &mut Vec<(FieldPath, Vec<u32>, Ty)>,
) {
    match t {
        Ty::Struct(_) | Ty::Tuple(_) => {
            for (i, (_, ft, off)) in t.fields(ptr).into_iter().enumerate() {
                path.push(i as u32);
                let base = at.last().copied().unwrap_or(0);
                if let Some(last) = at.last_mut() {
                    *last = base + off;
                }
                held_parts(&ft, ptr, at, path, boxes, out);
                if let Some(last) = at.last_mut() {
                    *last = base;
                }
                path.pop();
            }
        }
        Ty::Box(inner) if boxes < MAX_BOX_PARTS => {
            path.push(BOX_VALUE);
            at.push(0);
            held_parts(inner, ptr, at, path, boxes + 1, out);
            at.pop();
            path.pop();
            out.push((path.clone(), at.clone(), Ty::Box(Box::new(Ty::Unit))));
        }
        t if t.needs_drop() => out.push((path.clone(), at.clone(), t.clone())),
        _ => {}
    }
}

/// The parts of a value of type `t` that own memory (see [`owner_parts`]); for an `Option`
/// of a struct or tuple, the parts of its `Some` payload.
fn value_parts(t: &Ty, ptr: PtrWidth) -> Vec<(FieldPath, u32, Ty)> {
    let mut out = Vec::new();
    match (t, option_layout(t, ptr)) {
        (Ty::Option(inner), Some(l)) => {
            owner_parts(inner, ptr, l.payload, &mut vec![SOME_PAYLOAD], &mut out)
        }
        _ => owner_parts(t, ptr, 0, &mut Vec::new(), &mut out),
    }
    out
}

/// The type of the part at `i` of a value of type `t` (a field, or `Some`'s payload).
fn part_ty(t: &Ty, i: u32, ptr: PtrWidth) -> Option<(String, Ty)> {
    match t {
        Ty::Option(inner) if i == SOME_PAYLOAD => Some(("Some.0".to_string(), (**inner).clone())),
        Ty::Box(inner) if i == BOX_VALUE => Some(("*".to_string(), (**inner).clone())),
        _ => t
            .fields(ptr)
            .into_iter()
            .nth(i as usize)
            .map(|(name, ft, _)| (name, ft)),
    }
}

/// A field path of a value of type `t` as written after the value: `name`, `inner.s`, `0`
/// (and `Some.0` for an `Option`'s payload, as the views name it).
fn path_text(t: &Ty, path: &[u32], ptr: PtrWidth) -> String {
    let mut t = t.clone();
    let mut names = Vec::new();
    for &i in path {
        let Some((name, ft)) = part_ty(&t, i, ptr) else {
            break;
        };
        // A Box's value is reached by auto-deref: `b.next`, not `b.*.next`.
        if i != BOX_VALUE {
            names.push(name);
        }
        t = ft;
    }
    names.join(".")
}

/// The Vecs inside a value of type `t` at offset `base`, with their paths (`line.points`).
fn vec_paths(t: &Ty, ptr: PtrWidth, base: u32, name: &str) -> Vec<(u32, String)> {
    owner_paths(t, ptr, base, name, false)
}

/// Like [`vec_paths`], with the `Box`es too when `boxes`: every pointer that owns a block.
fn owner_paths(t: &Ty, ptr: PtrWidth, base: u32, name: &str, boxes: bool) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    match t {
        Ty::Vec(_) | Ty::String => out.push((base, name.to_string())),
        Ty::Box(_) if boxes => out.push((base, name.to_string())),
        // `None` is the all-ones pointer, which no block starts at.
        Ty::Option(inner) if boxes && matches!(**inner, Ty::Box(_)) => {
            out.push((base, name.to_string()))
        }
        Ty::Struct(_) | Ty::Tuple(_) => {
            for (f, ft, off) in t.fields(ptr) {
                out.extend(owner_paths(
                    &ft,
                    ptr,
                    base + off,
                    &format!("{name}.{f}"),
                    boxes,
                ));
            }
        }
        Ty::Array(e, n) if e.needs_drop() => {
            let size = e.size(ptr);
            for i in 0..*n as u32 {
                out.extend(owner_paths(
                    e,
                    ptr,
                    base + i * size,
                    &format!("{name}[{i}]"),
                    boxes,
                ));
            }
        }
        _ => {}
    }
    out
}

fn arith_of(op: BinOp, rhs: &Ty) -> Arith {
    let rs = rhs.int().is_some_and(|i| i.signed());
    match op {
        BinOp::Add => Arith::Add,
        BinOp::Sub => Arith::Sub,
        BinOp::Mul => Arith::Mul,
        BinOp::Div => Arith::Div,
        BinOp::Rem => Arith::Rem,
        BinOp::BitAnd => Arith::And,
        BinOp::BitOr => Arith::Or,
        BinOp::BitXor => Arith::Xor,
        BinOp::Shl => Arith::Shl(rs),
        BinOp::Shr => Arith::Shr(rs),
        _ => Arith::Add,
    }
}
