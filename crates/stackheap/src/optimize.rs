//! Optimisation passes over the compiled code, and the linking of every function's code
//! into the one array the machine runs (`Program::code`).
//!
//! The compiler emits stack code: `Load`s and `Const`s push registers, `Arith` pops two and
//! pushes one, `Store` pops one into a local. The passes here rewrite it into fewer, larger
//! operations that read their operands straight from locals or immediates and write their
//! result straight into a local (`Src`, `Dst`), and they never change what a run does: the
//! same steps, events, output, errors and memory, in the same order
//! (`tests/optimizer.rs` runs every corpus program both ways and compares).
//!
//! 1. `select` rebuilds expression trees from the stack code and emits each tree as a few
//!    operand-taking ops (`Bin`, `CmpJump`, `Mov`, `VecGet`, `VecSet`). Reading a local is
//!    pure, so a `Load` may be put off to the op that uses its value, as long as nothing that
//!    can write memory runs in between; everything that can fail (arithmetic checks, bounds
//!    checks) stays in its order. At each jump target, and before any op that is not an
//!    expression, every pending value is pushed, so each op boundary the original code had
//!    that anything can observe is kept.
//! 2. `fuse` merges common neighbours (`Step` with a condition, two `SetStack`s, a `let`'s
//!    `SetStack` and store, a range loop's head) where no jump lands between them.
//! 3. `rotate` ends each loop body with a copy of its head's test (which jumps back into the
//!    body) instead of a jump to the head, so one op per turn runs the loop.
//! 4. `link` puts the functions' code into one array, moves jump targets with it, and makes
//!    each `Call` an `Enter` that knows where its callee's code starts.

use crate::compile::{Arith, Cmp, FnCode, Op, Scalar};
use crate::settings::PtrWidth;
use crate::types::IntTy;

/// Where an operand comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Src {
    /// The local at the frame offset given, read as the op's scalar type.
    Local,
    /// The number given, zero-extended.
    Imm,
    /// The number given, sign-extended from 32 bits.
    NegImm,
    /// The accumulator: the result the op just before left there.
    Acc,
    /// The top register, popped.
    Pop,
}

/// Where a result goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dst {
    /// The local at the frame offset given (its low bytes, as `Store` writes them).
    Local,
    /// The accumulator, for the op just after.
    Acc,
    /// A new register, pushed.
    Push,
    /// The caller's return slot, as `StoreRet` writes it.
    Ret,
}

/// The kinds of an op's two operands and of its result, in one byte, so that the machine
/// reaches the code for the combination with one jump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds(pub u8);

impl Kinds {
    /// Set in an op whose step comes first (see `Program::step_sites`).
    pub const STEP: u8 = 0x80;

    pub const fn new(a: Src, b: Src, d: Dst) -> Kinds {
        Kinds(a as u8 * 20 + b as u8 * 4 + d as u8)
    }

    /// The kinds without the step flag.
    pub fn kinds(self) -> u8 {
        self.0 & !Kinds::STEP
    }

    pub fn step(self) -> bool {
        self.0 & Kinds::STEP != 0
    }

    pub fn a(self) -> Src {
        src_kind(self.kinds() / 20)
    }

    pub fn b(self) -> Src {
        src_kind(self.kinds() / 4 % 5)
    }

    pub fn d(self) -> Dst {
        match self.kinds() % 4 {
            0 => Dst::Local,
            1 => Dst::Acc,
            2 => Dst::Push,
            _ => Dst::Ret,
        }
    }
}

/// How a Vec element op finds its Vec and index: bits for a Vec reached through a pointer in
/// the local (`BY_REF`), a step first (`STEP`), an offset subtracted from the index rather
/// than added (`SUB`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VecFlags(pub u8);

impl VecFlags {
    pub const BY_REF: u8 = 1;
    pub const STEP: u8 = 2;
    pub const SUB: u8 = 4;
    /// `SetStack(d + size)` after the read and before the write into the local: a `let`.
    pub const LET: u8 = 8;

    pub fn by_ref(self) -> bool {
        self.0 & VecFlags::BY_REF != 0
    }

    pub fn step(self) -> bool {
        self.0 & VecFlags::STEP != 0
    }

    pub fn sub(self) -> bool {
        self.0 & VecFlags::SUB != 0
    }

    pub fn let_(self) -> bool {
        self.0 & VecFlags::LET != 0
    }
}

fn src_kind(n: u8) -> Src {
    match n {
        0 => Src::Local,
        1 => Src::Imm,
        2 => Src::NegImm,
        3 => Src::Acc,
        _ => Src::Pop,
    }
}

/// Puts every function's code into one array, optimised when `optimize` is set, and sets
/// each function's `entry`. Returns the code and the sites of the steps ops begin with
/// (`Program::step_sites`).
pub fn link(functions: &mut [FnCode], ptr: PtrWidth, optimize: bool) -> (Vec<Op>, Vec<u32>) {
    let mut code = Vec::new();
    let mut sites = Vec::new();
    for f in functions.iter_mut() {
        let raw = std::mem::take(&mut f.code);
        let (mut ops, mut fsites) = if optimize {
            let selected = Select::new(&raw, ptr).run();
            fold_steps(&rotate(fuse(&selected)))
        } else {
            let n = raw.len();
            (raw, vec![u32::MAX; n])
        };
        let entry = code.len() as u32;
        for op in &mut ops {
            if let Some(t) = target_mut(op) {
                *t += entry;
            }
        }
        f.entry = entry;
        code.append(&mut ops);
        sites.append(&mut fsites);
    }
    // Calls go straight to the callee's code.
    for op in &mut code {
        if let Op::Call {
            func,
            base,
            slot,
            slot_size,
        } = *op
        {
            if let Some(f) = functions.get(func as usize) {
                *op = Op::Enter {
                    func,
                    entry: f.entry,
                    base,
                    slot,
                    slot_size,
                };
            }
        }
    }
    (code, sites)
}

/// Lets an op that a `Step` comes just before run that step itself (where no jump lands on
/// the op): the step's site goes into the returned list, at the op's index.
fn fold_steps(code: &[Op]) -> (Vec<Op>, Vec<u32>) {
    let targeted = jump_targets(code);
    let mut out = Vec::with_capacity(code.len());
    let mut sites = Vec::with_capacity(code.len());
    let mut remap = vec![0u32; code.len() + 1];
    let mut i = 0;
    while i < code.len() {
        remap[i] = out.len() as u32;
        let folded = match (code[i], code.get(i + 1)) {
            (Op::Step(site), Some(&next)) if !targeted[i + 1] => with_step(next, site),
            _ => None,
        };
        match folded {
            Some((op, site)) => {
                remap[i + 1] = out.len() as u32;
                out.push(op);
                sites.push(site);
                i += 2;
            }
            None => {
                out.push(code[i]);
                sites.push(u32::MAX);
                i += 1;
            }
        }
    }
    remap[code.len()] = out.len() as u32;
    for op in &mut out {
        if let Some(t) = target_mut(op) {
            *t = remap.get(*t as usize).copied().unwrap_or(*t);
        }
    }
    (out, sites)
}

/// `op` beginning with the step at `site`, if it can: the op, and the site to list for it.
fn with_step(mut op: Op, site: u32) -> Option<(Op, u32)> {
    match &mut op {
        Op::Bin { k, .. } | Op::Mov { k, .. } => k.0 |= Kinds::STEP,
        Op::LetMov { step, .. } => *step = true,
        Op::VecGet { f, .. } | Op::VecSet { f, .. } => f.0 |= VecFlags::STEP,
        // The site lives in these ops themselves.
        Op::SetStack(len) => {
            return Some((
                Op::StepSetStack2 {
                    site,
                    first: *len,
                    second: *len,
                },
                u32::MAX,
            ))
        }
        Op::SetStack2 { first, second } => {
            return Some((
                Op::StepSetStack2 {
                    site,
                    first: *first,
                    second: *second,
                },
                u32::MAX,
            ))
        }
        _ => return None,
    };
    Some((op, site))
}

/// The jump target of a jumping op.
fn target_mut(op: &mut Op) -> Option<&mut u32> {
    match op {
        Op::Jump(t) | Op::JumpIfFalse(t) | Op::JumpIfTrue(t) => Some(t),
        Op::CmpJump { target, .. }
        | Op::VecGetCmpJump { target, .. }
        | Op::StepCmpJump { target, .. }
        | Op::StepForRange { target, .. }
        | Op::StepJump { target, .. } => Some(target),
        _ => None,
    }
}

/// Which ops some jump lands on (one more entry for the end of the code).
fn jump_targets(code: &[Op]) -> Vec<bool> {
    let mut targeted = vec![false; code.len() + 1];
    for &op in code {
        let mut op = op;
        if let Some(&mut t) = target_mut(&mut op) {
            if let Some(f) = targeted.get_mut(t as usize) {
                *f = true;
            }
        }
    }
    targeted
}

/// A value not computed yet: a leaf read when its user runs, or a tree of operations.
#[derive(Clone, Debug)]
enum Node {
    /// A register pushed by code already emitted (below every pending value).
    Real,
    /// `Load { off, ty }`.
    Local { off: u32, ty: Scalar },
    /// `Const(value)`.
    Imm(u64),
    /// `AddrLocal(off)`.
    Addr(u32),
    /// The value is in the accumulator (only ever the deepest pending value).
    Acc,
    /// `a`, `b`, `Arith { op, ty, at }`.
    Bin {
        op: Arith,
        ty: IntTy,
        at: u32,
        a: Box<Node>,
        b: Box<Node>,
    },
    /// `a`, `b`, `Cmp { op, signed }`.
    Cmp {
        op: Cmp,
        signed: bool,
        a: Box<Node>,
        b: Box<Node>,
    },
    /// The Vec's address (`AddrLocal(vec)`, or with `by_ref` `Load` of a pointer), the index,
    /// `VecIndex { elem, at }`, `LoadAt(ty)`.
    VecGet {
        vec: u32,
        by_ref: bool,
        elem: u8,
        ty: Scalar,
        at: u32,
        idx: Box<Node>,
    },
}

impl Node {
    fn is_leaf(&self) -> bool {
        matches!(
            self,
            Node::Real | Node::Local { .. } | Node::Imm(_) | Node::Addr(_) | Node::Acc
        )
    }
}

/// The scalar type an integer operation reads and writes.
fn int_scalar(ty: IntTy, ptr: PtrWidth) -> Scalar {
    Scalar {
        size: ty.size(ptr) as u8,
        signed: ty.signed(),
    }
}

/// A scalar a local operand can be read as: 1, 2, 4 or 8 bytes.
fn readable(ty: Scalar) -> bool {
    matches!(ty.size, 1 | 2 | 4 | 8)
}

/// The immediate operand for `value`, if it has one.
fn immediate(value: u64) -> Option<(Src, u32)> {
    if value <= u32::MAX as u64 {
        Some((Src::Imm, value as u32))
    } else if (value as i64) < 0 && (value as i64) >= i32::MIN as i64 {
        Some((Src::NegImm, value as u32))
    } else {
        None
    }
}

/// The negation of a comparison: `!(a op b)` is `a negate(op) b` for integers.
fn negate(op: Cmp) -> Cmp {
    match op {
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::Lt => Cmp::Ge,
        Cmp::Ge => Cmp::Lt,
        Cmp::Gt => Cmp::Le,
        Cmp::Le => Cmp::Gt,
    }
}

/// Instruction selection over one function's stack code (see the module comment).
struct Select<'c> {
    code: &'c [Op],
    ptr: PtrWidth,
    targeted: Vec<bool>,
    out: Vec<Op>,
    /// New index of each old op (and of the end).
    remap: Vec<u32>,
    /// Values pushed by the old code and not emitted yet, above the real registers.
    pending: Vec<Node>,
}

impl<'c> Select<'c> {
    fn new(code: &'c [Op], ptr: PtrWidth) -> Select<'c> {
        Select {
            code,
            ptr,
            targeted: jump_targets(code),
            out: Vec::with_capacity(code.len()),
            remap: vec![0; code.len() + 1],
            pending: Vec::new(),
        }
    }

    fn usize_scalar(&self) -> Scalar {
        Scalar::address(self.ptr)
    }

    fn pop(&mut self) -> Node {
        self.pending.pop().unwrap_or(Node::Real)
    }

    /// Emits every pending value, deepest first, as pushed registers.
    fn flush(&mut self) {
        for n in std::mem::take(&mut self.pending) {
            self.value(n, Dst::Push, 0, 0);
        }
    }

    fn run(mut self) -> Vec<Op> {
        let code = self.code;
        let mut i = 0;
        while i < code.len() {
            if self.targeted[i] {
                self.flush();
            }
            self.remap[i] = self.out.len() as u32;
            let next = code.get(i + 1).copied().filter(|_| !self.targeted[i + 1]);
            i += 1;
            match code[i - 1] {
                Op::Load { off, ty } if readable(ty) => self.pending.push(Node::Local { off, ty }),
                Op::Const(v) => self.pending.push(Node::Imm(v)),
                Op::AddrLocal(off) => self.pending.push(Node::Addr(off)),
                Op::Arith { op, ty, at } => {
                    let b = self.pop();
                    let a = self.pop();
                    self.pending.push(Node::Bin {
                        op,
                        ty,
                        at,
                        a: Box::new(a),
                        b: Box::new(b),
                    });
                }
                Op::Cmp { op, signed } => {
                    let b = self.pop();
                    let a = self.pop();
                    self.pending.push(Node::Cmp {
                        op,
                        signed,
                        a: Box::new(a),
                        b: Box::new(b),
                    });
                }
                Op::Swap if self.swappable() => {
                    let n = self.pending.len();
                    self.pending.swap(n - 1, n - 2);
                }
                Op::VecIndex { elem, at } => match next {
                    Some(Op::LoadAt(ty)) if readable(ty) && self.vec_operand(1).is_some() => {
                        let idx = self.pop();
                        let (vec, by_ref) = self.vec_operand(0).unwrap_or((0, false));
                        self.pending.pop();
                        self.pending.push(Node::VecGet {
                            vec,
                            by_ref,
                            elem,
                            ty,
                            at,
                            idx: Box::new(idx),
                        });
                        self.remap[i] = self.out.len() as u32;
                        i += 1;
                    }
                    Some(Op::StoreAt(size))
                        if matches!(size, 1 | 2 | 4 | 8) && self.vec_operand(1).is_some() =>
                    {
                        let idx = self.pop();
                        let (vec, by_ref) = self.vec_operand(0).unwrap_or((0, false));
                        self.pending.pop();
                        let val = self.pop();
                        self.flush();
                        self.vec_set(vec, by_ref, elem, size, at, idx, val);
                        self.remap[i] = self.out.len() as u32;
                        i += 1;
                    }
                    _ => self.barrier(code[i - 1]),
                },
                Op::Store { off, size } if !self.pending.is_empty() => {
                    let v = self.pop();
                    self.flush();
                    self.value(v, Dst::Local, off, size);
                }
                Op::StoreRet(size) if !self.pending.is_empty() => {
                    let v = self.pop();
                    self.flush();
                    self.value(v, Dst::Ret, 0, size);
                }
                Op::JumpIfFalse(target) if !self.pending.is_empty() => {
                    let v = self.pop();
                    self.flush();
                    self.cond_jump(v, false, target);
                }
                Op::JumpIfTrue(target) if !self.pending.is_empty() => {
                    let v = self.pop();
                    self.flush();
                    self.cond_jump(v, true, target);
                }
                Op::ArithAt { op, ty, at }
                    if matches!(self.pending.last(), Some(Node::Addr(_))) =>
                {
                    let Some(Node::Addr(off)) = self.pending.pop() else {
                        continue;
                    };
                    let b = self.pop();
                    self.flush();
                    let sc = int_scalar(ty, self.ptr);
                    let (bk, bv) = self.operand(b, sc);
                    self.out.push(Op::Bin {
                        op,
                        ty: int_scalar(ty, self.ptr),
                        k: Kinds::new(Src::Local, bk, Dst::Local),
                        a: off,
                        b: bv,
                        d: off,
                        at,
                    });
                }
                Op::Pop if !self.pending.is_empty() => {
                    let v = self.pop();
                    self.flush();
                    if !v.is_leaf() {
                        self.value(v, Dst::Acc, 0, 0);
                    }
                }
                Op::SetStack(len) => {
                    self.before_set_stack();
                    self.out.push(Op::SetStack(len));
                }
                op => self.barrier(op),
            }
        }
        self.flush();
        self.remap[code.len()] = self.out.len() as u32;
        let mut out = std::mem::take(&mut self.out);
        for op in &mut out {
            if let Some(t) = target_mut(op) {
                *t = self.remap.get(*t as usize).copied().unwrap_or(*t);
            }
        }
        out
    }

    /// An op the passes leave as it is: everything pending is pushed first.
    fn barrier(&mut self, op: Op) {
        self.flush();
        self.out.push(op);
    }

    /// Whether the top two pending values can trade places without changing the order of
    /// anything that can fail: both pending, at most one of them an operation.
    fn swappable(&self) -> bool {
        let n = self.pending.len();
        n >= 2
            && !matches!(self.pending[n - 2], Node::Acc)
            && (self.pending[n - 1].is_leaf() || self.pending[n - 2].is_leaf())
    }

    /// The Vec operand `depth` values below the top, if it is a local Vec's address or a
    /// pointer read from a local: its offset and whether it is a pointer.
    fn vec_operand(&self, depth: usize) -> Option<(u32, bool)> {
        let n = self.pending.len();
        match self.pending.get(n.checked_sub(depth + 1)?)? {
            Node::Addr(off) => Some((*off, false)),
            Node::Local { off, ty } if ty.size as u32 == self.ptr.bytes() && !ty.signed => {
                Some((*off, true))
            }
            _ => None,
        }
    }

    /// A `SetStack` comes: operations pending must run before it (they can fail, and the
    /// stack's length is an event). The top one goes to the accumulator, which `SetStack`
    /// leaves alone, for the op after; leaves stay pending (`SetStack` changes no bytes).
    fn before_set_stack(&mut self) {
        if self.pending.iter().all(Node::is_leaf) {
            return;
        }
        let top = self.pop();
        if top.is_leaf() || !self.pending.iter().all(Node::is_leaf) {
            self.pending.push(top);
            self.flush();
            return;
        }
        self.flush();
        self.value(top, Dst::Acc, 0, 0);
        self.pending.push(Node::Acc);
    }

    /// An operand of type `sc` for an op about to be emitted, emitting what computes it.
    /// Only for an op's only operand, or after its other operands are settled.
    fn operand(&mut self, n: Node, sc: Scalar) -> (Src, u32) {
        match n {
            Node::Real => (Src::Pop, 0),
            Node::Acc => (Src::Acc, 0),
            Node::Local { off, ty } if ty == sc => (Src::Local, off),
            Node::Imm(v) if immediate(v).is_some() => immediate(v).unwrap_or((Src::Imm, 0)),
            n => {
                self.value(n, Dst::Acc, 0, 0);
                (Src::Acc, 0)
            }
        }
    }

    /// Whether `n` can be an operand of type `sc` without code of its own.
    fn direct(n: &Node, sc: Scalar) -> bool {
        match n {
            Node::Real | Node::Acc => true,
            Node::Local { ty, .. } => *ty == sc,
            Node::Imm(v) => immediate(*v).is_some(),
            _ => false,
        }
    }

    /// The operands of a two-operand op, `a` evaluated before `b`.
    fn operands(&mut self, a: Node, b: Node, sa: Scalar, sb: Scalar) -> (Src, u32, Src, u32) {
        match (Self::direct(&a, sa), Self::direct(&b, sb)) {
            (true, true) => {
                let (ak, av) = self.operand(a, sa);
                let (bk, bv) = self.operand(b, sb);
                (ak, av, bk, bv)
            }
            (true, false) => {
                let (ak, av) = if matches!(a, Node::Acc) {
                    // `b` needs the accumulator: `a` moves to a register first.
                    self.mov(sa, 8, Src::Acc, 0, Dst::Push, 0);
                    (Src::Pop, 0)
                } else {
                    self.operand(a, sa)
                };
                let (bk, bv) = self.operand(b, sb);
                (ak, av, bk, bv)
            }
            (false, true) => {
                let (ak, av) = self.operand(a, sa);
                let (bk, bv) = self.operand(b, sb);
                (ak, av, bk, bv)
            }
            (false, false) => {
                self.value(a, Dst::Push, 0, 0);
                let (bk, bv) = self.operand(b, sb);
                (Src::Pop, 0, bk, bv)
            }
        }
    }

    /// Emits code that puts the value of `n` at `dk` (`d`, and `size` bytes for a local or
    /// the return slot).
    fn value(&mut self, n: Node, dk: Dst, d: u32, size: u8) {
        // How a value that is not a local's is described to a `Mov`: by the bytes it writes
        // (the machine has code of its own for common widths).
        let wide = Scalar {
            size: if readable(Scalar {
                size,
                signed: false,
            }) {
                size
            } else {
                8
            },
            signed: false,
        };
        // The value's own width, where the op that makes it writes that many bytes.
        let fits = |sc: Scalar| !matches!(dk, Dst::Local | Dst::Ret) || sc.size == size;
        match n {
            Node::Real => {
                if dk != Dst::Push {
                    self.mov(wide, size, Src::Pop, 0, dk, d);
                }
            }
            Node::Acc => {
                if dk != Dst::Acc {
                    self.mov(wide, size, Src::Acc, 0, dk, d);
                }
            }
            Node::Local { off, ty } => {
                if dk == Dst::Push {
                    self.out.push(Op::Load { off, ty });
                } else {
                    self.mov(ty, size, Src::Local, off, dk, d);
                }
            }
            Node::Imm(v) => match immediate(v) {
                Some((k, x)) if dk != Dst::Push => self.mov(wide, size, k, x, dk, d),
                _ => {
                    self.out.push(Op::Const(v));
                    self.value(Node::Real, dk, d, size);
                }
            },
            Node::Addr(off) => {
                self.out.push(Op::AddrLocal(off));
                self.value(Node::Real, dk, d, size);
            }
            Node::Bin { op, ty, at, a, b } => {
                // Both operands are read as the operation's type: a local of another type
                // (a shift's amount) is read on its own first.
                let sc = int_scalar(ty, self.ptr);
                let (ak, av, bk, bv) = self.operands(*a, *b, sc, sc);
                let (ek, e) = if fits(sc) { (dk, d) } else { (Dst::Acc, 0) };
                self.out.push(Op::Bin {
                    op,
                    ty: int_scalar(ty, self.ptr),
                    k: Kinds::new(ak, bk, ek),
                    a: av,
                    b: bv,
                    d: e,
                    at,
                });
                if !fits(sc) {
                    self.mov(wide, size, Src::Acc, 0, dk, d);
                }
            }
            Node::Cmp { op, signed, a, b } => {
                self.value(*a, Dst::Push, 0, 0);
                self.value(*b, Dst::Push, 0, 0);
                self.out.push(Op::Cmp { op, signed });
                self.value(Node::Real, dk, d, size);
            }
            Node::VecGet {
                vec,
                by_ref,
                elem,
                ty,
                at,
                idx,
            } => {
                let (idx, off, sub) = index_offset(*idx, at);
                let (ik, iv) = self.operand(idx, self.usize_scalar());
                let (ek, e) = if fits(ty) { (dk, d) } else { (Dst::Acc, 0) };
                self.out.push(Op::VecGet {
                    vec,
                    f: vec_flags(by_ref, sub),
                    off,
                    elem,
                    ty,
                    ik,
                    idx: iv,
                    dk: ek,
                    d: e,
                    at,
                });
                if !fits(ty) {
                    self.mov(wide, size, Src::Acc, 0, dk, d);
                }
            }
        }
    }

    fn mov(&mut self, ty: Scalar, size: u8, sk: Src, s: u32, dk: Dst, d: u32) {
        self.out.push(Op::Mov {
            ty,
            size,
            k: Kinds::new(sk, Src::Imm, dk),
            s,
            d,
        });
    }

    /// `v`, then `JumpIfTrue(target)` (`if_true`) or `JumpIfFalse(target)`.
    fn cond_jump(&mut self, v: Node, if_true: bool, target: u32) {
        let (op, signed, a, b) = match v {
            Node::Cmp { op, signed, a, b } => (op, signed, *a, *b),
            // A `bool` (or any value) is true when it is not 0.
            v => (Cmp::Ne, false, v, Node::Imm(0)),
        };
        let op = if if_true { negate(op) } else { op };
        // Both operands are read as one type: a local's own, or a full register's.
        let ty = match (&a, &b) {
            (Node::Local { ty, .. }, _) | (_, Node::Local { ty, .. }) => *ty,
            _ => Scalar { size: 8, signed },
        };
        let (ak, av, bk, bv) = self.operands(a, b, ty, ty);
        self.out.push(Op::CmpJump {
            op,
            signed,
            ty,
            k: Kinds::new(ak, bk, Dst::Acc),
            a: av,
            b: bv,
            target,
        });
    }

    /// `val`, the Vec's address, `idx`, `VecIndex`, `StoreAt(size)`.
    #[allow(clippy::too_many_arguments)]
    fn vec_set(
        &mut self,
        vec: u32,
        by_ref: bool,
        elem: u8,
        size: u8,
        at: u32,
        idx: Node,
        val: Node,
    ) {
        let sv = Scalar {
            size,
            signed: false,
        };
        let (idx, off, sub) = index_offset(idx, at);
        let (vk, v, ik, ix) = self.operands(val, idx, sv, self.usize_scalar());
        self.out.push(Op::VecSet {
            vec,
            f: vec_flags(by_ref, sub),
            off,
            elem,
            size,
            ik,
            idx: ix,
            vk,
            val: v,
            at,
        });
    }
}

/// `idx` as an index and an offset the Vec op adds (or, `true`, subtracts) itself: for
/// `i + n` and `i - n` of a `usize` with `n` from 1 to 255, whose span is just before the
/// indexing's (`at`), the op's own span less one stands for the operation's.
fn index_offset(idx: Node, at: u32) -> (Node, u8, bool) {
    if let Node::Bin {
        op: op @ (Arith::Add | Arith::Sub),
        ty: IntTy::Usize,
        at: op_at,
        a,
        b,
    } = &idx
    {
        if let Node::Imm(n @ 1..=255) = **b {
            if op_at + 1 == at && matches!(**a, Node::Local { .. } | Node::Real | Node::Acc) {
                return ((**a).clone(), n as u8, *op == Arith::Sub);
            }
        }
    }
    (idx, 0, false)
}

fn vec_flags(by_ref: bool, sub: bool) -> VecFlags {
    VecFlags(if by_ref { VecFlags::BY_REF } else { 0 } | if sub { VecFlags::SUB } else { 0 })
}

/// Merges neighbouring ops where no jump lands on the second (see the module comment).
fn fuse(code: &[Op]) -> Vec<Op> {
    let code = fuse_with(code, |ops| match *ops {
        [Op::SetStack(first), Op::SetStack(second), ..] => {
            Some((Op::SetStack2 { first, second }, 2))
        }
        [Op::SetStack(len), Op::Mov { ty, size, k, s, d }, ..] if k.d() == Dst::Local => Some((
            Op::LetMov {
                len,
                ty,
                size,
                sk: k.a(),
                s,
                d,
                step: false,
            },
            2,
        )),
        [Op::Step(site), Op::CmpJump {
            op,
            signed,
            ty,
            k,
            a,
            b,
            target,
        }, ..] => Some((
            Op::StepCmpJump {
                site,
                op,
                signed,
                ty,
                k,
                a,
                b,
                target,
            },
            2,
        )),
        [Op::Step(site), Op::Return, ..] => Some((Op::StepReturn(site), 2)),
        _ => None,
    });
    // `let x = v[i];`: the element read into the accumulator, then the `let`; `a op v[i]`
    // of a register and an element.
    let code = fuse_with(&code, |ops| match *ops {
        [Op::VecGet {
            vec,
            f,
            off,
            elem,
            ty,
            ik: Src::Local,
            idx,
            dk: Dst::Acc,
            at,
            ..
        }, Op::CmpJump {
            op,
            signed,
            k,
            target,
            ..
        }, ..]
            if k == Kinds::new(Src::Pop, Src::Acc, Dst::Acc) && signed == ty.signed =>
        {
            Some((
                Op::VecGetCmpJump {
                    vec,
                    f,
                    off,
                    elem,
                    ty,
                    idx,
                    op,
                    target,
                    at,
                },
                2,
            ))
        }
        [Op::VecGet {
            vec,
            f,
            off,
            elem,
            ty,
            ik,
            idx,
            dk: Dst::Acc,
            at,
            ..
        }, Op::LetMov {
            len,
            size,
            sk: Src::Acc,
            d,
            step: false,
            ..
        }, ..]
            if size == ty.size && len == d + size as u32 =>
        {
            Some((
                Op::VecGet {
                    vec,
                    f: VecFlags(f.0 | VecFlags::LET),
                    off,
                    elem,
                    ty,
                    ik,
                    idx,
                    dk: Dst::Local,
                    d,
                    at,
                },
                2,
            ))
        }
        _ => None,
    });
    fuse_with(&code, |ops| {
        let &[Op::StepCmpJump {
            site,
            op: Cmp::Lt,
            signed,
            ty,
            k: ck,
            a: cur,
            b: end,
            target,
        }, Op::Mov {
            ty: mty,
            size,
            k: mk,
            s,
            d: var,
        }, Op::Bin {
            op: Arith::WrappingAdd,
            ty: int,
            k: bk,
            a,
            b: 1,
            d,
            ..
        }, ..] = ops
        else {
            return None;
        };
        let n = ty.size as u32;
        let kinds = ck == Kinds::new(Src::Local, Src::Local, Dst::Acc)
            && mk.a() == Src::Local
            && mk.d() == Dst::Local
            && bk == Kinds::new(Src::Local, Src::Imm, Dst::Local);
        let same = kinds && s == cur && a == cur && d == cur && mty == ty && size == ty.size;
        let typed = signed == ty.signed && int == ty;
        // `var` must not overlap `cur`: the increment reads `cur` after `var` is written.
        let apart = var + n <= cur || cur + n <= var;
        (same && typed && apart).then_some((
            Op::StepForRange {
                site,
                cur,
                end,
                var,
                ty,
                back: false,
                target,
            },
            3,
        ))
    })
}

/// One pass of `fuse`: `merge` looks at the ops from an index on and may replace the first
/// `n` by one; jump targets are moved to match.
fn fuse_with(code: &[Op], merge: impl Fn(&[Op]) -> Option<(Op, usize)>) -> Vec<Op> {
    let targeted = jump_targets(code);
    let mut out = Vec::with_capacity(code.len());
    let mut remap = vec![0u32; code.len() + 1];
    let mut i = 0;
    while i < code.len() {
        remap[i] = out.len() as u32;
        let merged = merge(&code[i..]).filter(|&(_, n)| (i + 1..i + n).all(|k| !targeted[k]));
        match merged {
            Some((op, n)) => {
                for r in &mut remap[i + 1..i + n] {
                    *r = out.len() as u32;
                }
                out.push(op);
                i += n;
            }
            None => {
                out.push(code[i]);
                i += 1;
            }
        }
    }
    remap[code.len()] = out.len() as u32;
    for op in &mut out {
        if let Some(t) = target_mut(op) {
            *t = remap.get(*t as usize).copied().unwrap_or(*t);
        }
    }
    out
}

/// Ends loops with their head's test (see the module comment), and lets a jump to a `Step`
/// run the step itself.
fn rotate(mut code: Vec<Op>) -> Vec<Op> {
    for j in 0..code.len() {
        let Op::Jump(h) = code[j] else {
            continue;
        };
        let after = j as u32 + 1;
        code[j] = match code.get(h as usize) {
            Some(&Op::StepForRange {
                site,
                cur,
                end,
                var,
                ty,
                back: false,
                target,
            }) if target == after => Op::StepForRange {
                site,
                cur,
                end,
                var,
                ty,
                back: true,
                target: h + 1,
            },
            Some(&Op::StepCmpJump {
                site,
                op,
                signed,
                ty,
                k,
                a,
                b,
                target,
            }) if target == after
                && [k.a(), k.b()]
                    .iter()
                    .all(|s| matches!(s, Src::Local | Src::Imm | Src::NegImm)) =>
            {
                Op::StepCmpJump {
                    site,
                    op: negate(op),
                    signed,
                    ty,
                    k,
                    a,
                    b,
                    target: h + 1,
                }
            }
            Some(&Op::Step(site)) => Op::StepJump {
                site,
                target: h + 1,
            },
            _ => continue,
        };
    }
    code
}
