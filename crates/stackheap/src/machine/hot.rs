//! The machine's hot loop: the ops that make up nearly every run (steps, reading and writing
//! locals, arithmetic, comparisons and jumps, calls and returns, Vec elements) and the
//! optimised forms `optimize.rs` makes of them. It stops before any other op, which
//! `Vm::run` then runs; kept apart from those, this loop stays small enough for the
//! compiler to hold its state in registers.
//!
//! Operands of the optimised forms come by kind (`Src`) and results go by kind (`Dst`). The
//! accumulator is a local of this loop: an op leaves a value there only for the op just
//! after it (with at most `SetStack`s between), so it never has to outlive the loop.

use super::*;
use crate::optimize::{Dst, Kinds, Src, VecFlags};

/// Whether the hot ops have code of their own for common kinds and widths: natively, where
/// speed counts; not in the page's WebAssembly, where size does (the general code does the
/// same; the `general-hot-loop` feature turns the special code off natively, so that tests
/// run the general code over the whole corpus as well).
const SPECIALISE: bool = cfg!(not(any(
    target_arch = "wasm32",
    feature = "general-hot-loop"
)));

/// An eight-byte unsigned scalar (`u64`, and `usize` at pointer width 64).
const U64: Scalar = Scalar {
    size: 8,
    signed: false,
};
/// A four-byte unsigned scalar (`u32`, and `usize` at pointer width 32).
const U32: Scalar = Scalar {
    size: 4,
    signed: false,
};
/// A one-byte unsigned scalar (`u8`, `bool`).
const U8: Scalar = Scalar {
    size: 1,
    signed: false,
};

const fn kinds(a: Src, b: Src, d: Dst) -> u8 {
    Kinds::new(a, b, d).0
}

// The combinations the hot ops have code of their own for (`a`, `b`, result); the others
// take the general path, which looks at each kind.
const LOC_IMM_LOC: u8 = kinds(Src::Local, Src::Imm, Dst::Local);
const LOC_IMM_ACC: u8 = kinds(Src::Local, Src::Imm, Dst::Acc);
const LOC_LOC_LOC: u8 = kinds(Src::Local, Src::Local, Dst::Local);
const LOC_LOC_ACC: u8 = kinds(Src::Local, Src::Local, Dst::Acc);
const ACC_IMM_ACC: u8 = kinds(Src::Acc, Src::Imm, Dst::Acc);
const ACC_IMM_LOC: u8 = kinds(Src::Acc, Src::Imm, Dst::Local);
const ACC_LOC_ACC: u8 = kinds(Src::Acc, Src::Local, Dst::Acc);
const ACC_LOC_LOC: u8 = kinds(Src::Acc, Src::Local, Dst::Local);
const LOC_ACC_ACC: u8 = kinds(Src::Local, Src::Acc, Dst::Acc);
const LOC_LOC_RET: u8 = kinds(Src::Local, Src::Local, Dst::Ret);
// Comparisons (no result kind: `Acc` stands in).
const CMP_LOC_IMM: u8 = kinds(Src::Local, Src::Imm, Dst::Acc);
const CMP_LOC_LOC: u8 = kinds(Src::Local, Src::Local, Dst::Acc);
const CMP_ACC_IMM: u8 = kinds(Src::Acc, Src::Imm, Dst::Acc);
const CMP_ACC_LOC: u8 = kinds(Src::Acc, Src::Local, Dst::Acc);
const CMP_POP_ACC: u8 = kinds(Src::Pop, Src::Acc, Dst::Acc);
// Moves (no `b`: `Imm` stands in).
const MOV_LOC_LOC: u8 = kinds(Src::Local, Src::Imm, Dst::Local);
const MOV_IMM_LOC: u8 = kinds(Src::Imm, Src::Imm, Dst::Local);
const MOV_ACC_LOC: u8 = kinds(Src::Acc, Src::Imm, Dst::Local);
const MOV_LOC_RET: u8 = kinds(Src::Local, Src::Imm, Dst::Ret);

impl<'p> Vm<'p> {
    /// Runs ops from `*pc_out` (in the frame at `*fb_out`) until one this loop leaves to
    /// `run`: returns `Ok(true)` with `*pc_out` and `*fb_out` at it, or `Ok(false)` when the
    /// run has ended.
    pub(super) fn run_hot(
        &mut self,
        code: &'p [Op],
        pc_out: &mut usize,
        fb_out: &mut u32,
    ) -> Result<bool, Halt> {
        let ptr = self.p.ptr;
        let usz = Scalar::address(ptr);
        let mut pc = *pc_out;
        let mut fb = *fb_out;
        let mut acc: u64 = 0;
        // An operand of kind `$k` and number `$v`, a local read as `$ty`.
        macro_rules! src {
            ($k:expr, $v:expr, $ty:expr) => {
                match $k {
                    Src::Local => self.ld(fb + $v, $ty),
                    Src::Imm => $v as u64,
                    Src::NegImm => $v as i32 as i64 as u64,
                    Src::Acc => acc,
                    Src::Pop => self.pop(),
                }
            };
        }
        // Puts `$x` where `$k` and `$d` say, `$size` bytes of it into memory.
        macro_rules! put {
            ($k:expr, $d:expr, $x:expr, $size:expr) => {{
                let x = $x;
                match $k {
                    Dst::Local => self.st_stack(fb + $d, x, $size),
                    Dst::Acc => acc = x,
                    Dst::Push => self.regs.push(x),
                    Dst::Ret => {
                        let slot = self.st.frames.last().map_or(0, |f| f.slot);
                        self.st_stack(slot, x, $size);
                    }
                }
            }};
        }
        // `Return`: pops the frame and goes back to the caller (or ends the run).
        macro_rules! ret {
            () => {{
                let Some(frame) = self.st.frames.pop() else {
                    return Ok(false);
                };
                self.st.forget_moved(self.st.frames.len());
                self.settled = self.st.step;
                self.shrink_stack(frame.slot + frame.slot_size)?;
                self.log.ret(frame.func);
                self.regs.truncate(frame.regs_base as usize);
                self.owned.truncate(frame.flags_base as usize);
                if frame.ret_pc == u32::MAX || self.st.frames.is_empty() {
                    return Ok(false);
                }
                pc = frame.ret_pc as usize;
                fb = frame.ret_fb;
            }};
        }
        loop {
            let Some(op) = code.get(pc) else {
                return Ok(false);
            };
            pc += 1;
            match *op {
                Op::Step(site) => self.step(site, (pc - 1, fb))?,
                Op::Const(v) => self.regs.push(v),
                Op::Load { off, ty } => {
                    let v = self.load((fb + off) as u64 | STACK_TAG, ty);
                    self.regs.push(v);
                }
                Op::Store { off, size } => {
                    let v = self.pop();
                    self.st_stack(fb + off, v, size as u32);
                }
                Op::AddrLocal(off) => self.regs.push((fb + off) as u64 | STACK_TAG),
                Op::Jump(t) => pc = t as usize,
                Op::SetStack(off) => self.set_stack_length(fb + off)?,
                Op::SetStack2 { first, second } => {
                    self.set_stack_length2(fb + first, fb + second)?;
                }
                Op::StepSetStack2 {
                    site,
                    first,
                    second,
                } => {
                    self.step(site, (pc - 1, fb))?;
                    if first == second {
                        self.set_stack_length(fb + first)?;
                    } else {
                        self.set_stack_length2(fb + first, fb + second)?;
                    }
                }
                Op::Enter {
                    func,
                    entry,
                    base,
                    slot,
                    slot_size,
                } => {
                    if self.st.frames.len() >= MAX_FRAMES {
                        return Err(Halt::from(self.stack_overflow()));
                    }
                    self.enter(func, fb + base, fb + slot, slot_size, (pc as u32, fb));
                    fb += base;
                    pc = entry as usize;
                }
                Op::Return => ret!(),
                Op::StepReturn(site) => {
                    self.step(site, (pc - 1, fb))?;
                    ret!()
                }
                Op::StepJump { site, target } => {
                    self.step(site, (pc - 1, fb))?;
                    pc = target as usize;
                }
                Op::Bin {
                    op,
                    ty,
                    k,
                    a,
                    b,
                    d,
                    at,
                } => {
                    if k.step() {
                        self.step(self.step_site(pc - 1), (pc - 1, fb))?;
                    }
                    // The common unsigned widths get code of their own, in which sizes and
                    // overflow checks are constants.
                    macro_rules! forms {
                        ($ty:expr) => {{
                            let ty: Scalar = $ty;
                            let size = ty.size as u32;
                            // `$b` is read before `$a` (a popped `b` is above `a`).
                            macro_rules! bin {
                                ($a:expr, $b:expr) => {{
                                    let vb = $b;
                                    let va = $a;
                                    arith_bits(op, 8 * size, ty.signed, va, vb)
                                        .map_err(|m| panic_at(m, self.span(at)))?
                                }};
                            }
                            match if SPECIALISE { k.kinds() } else { u8::MAX } {
                                LOC_IMM_LOC => {
                                    let r = bin!(self.ld(fb + a, ty), b as u64);
                                    self.st_stack(fb + d, r, size);
                                }
                                LOC_IMM_ACC => acc = bin!(self.ld(fb + a, ty), b as u64),
                                LOC_LOC_LOC => {
                                    let r = bin!(self.ld(fb + a, ty), self.ld(fb + b, ty));
                                    self.st_stack(fb + d, r, size);
                                }
                                LOC_LOC_ACC => acc = bin!(self.ld(fb + a, ty), self.ld(fb + b, ty)),
                                ACC_IMM_ACC => acc = bin!(acc, b as u64),
                                ACC_IMM_LOC => {
                                    let r = bin!(acc, b as u64);
                                    self.st_stack(fb + d, r, size);
                                }
                                ACC_LOC_ACC => acc = bin!(acc, self.ld(fb + b, ty)),
                                ACC_LOC_LOC => {
                                    let r = bin!(acc, self.ld(fb + b, ty));
                                    self.st_stack(fb + d, r, size);
                                }
                                LOC_ACC_ACC => acc = bin!(self.ld(fb + a, ty), acc),
                                LOC_LOC_RET => {
                                    let r = bin!(self.ld(fb + a, ty), self.ld(fb + b, ty));
                                    let slot = self.st.frames.last().map_or(0, |f| f.slot);
                                    self.st_stack(slot, r, size);
                                }
                                _ => {
                                    let r = bin!(src!(k.a(), a, ty), src!(k.b(), b, ty));
                                    put!(k.d(), d, r, size);
                                }
                            }
                        }};
                    }
                    match (SPECIALISE, ty.size, ty.signed) {
                        (true, 8, false) => forms!(U64),
                        (true, 4, false) => forms!(U32),
                        _ => forms!(ty),
                    }
                }
                Op::CmpJump {
                    op,
                    signed,
                    ty,
                    k,
                    a,
                    b,
                    target,
                } => {
                    if !self.test(op, signed, ty, k, a, b, fb, acc) {
                        pc = target as usize;
                    }
                }
                Op::StepCmpJump {
                    site,
                    op,
                    signed,
                    ty,
                    k,
                    a,
                    b,
                    target,
                } => {
                    self.step(site, (pc - 1, fb))?;
                    if !self.test(op, signed, ty, k, a, b, fb, acc) {
                        pc = target as usize;
                    }
                }
                Op::Mov { ty, size, k, s, d } => {
                    if k.step() {
                        self.step(self.step_site(pc - 1), (pc - 1, fb))?;
                    }
                    macro_rules! forms {
                        ($ty:expr, $size:expr) => {{
                            let (ty, size): (Scalar, u32) = ($ty, $size);
                            match if SPECIALISE { k.kinds() } else { u8::MAX } {
                                MOV_LOC_LOC => {
                                    let v = self.ld(fb + s, ty);
                                    self.st_stack(fb + d, v, size);
                                }
                                MOV_IMM_LOC => self.st_stack(fb + d, s as u64, size),
                                MOV_ACC_LOC => self.st_stack(fb + d, acc, size),
                                MOV_LOC_RET => {
                                    let v = self.ld(fb + s, ty);
                                    let slot = self.st.frames.last().map_or(0, |f| f.slot);
                                    self.st_stack(slot, v, size);
                                }
                                _ => {
                                    let v = src!(k.a(), s, ty);
                                    put!(k.d(), d, v, size);
                                }
                            }
                        }};
                    }
                    match (SPECIALISE, ty.size, ty.signed, size) {
                        (true, 8, false, 8) => forms!(U64, 8),
                        (true, 4, false, 4) => forms!(U32, 4),
                        _ => forms!(ty, size as u32),
                    }
                }
                Op::LetMov {
                    len,
                    ty,
                    size,
                    sk,
                    s,
                    d,
                    step,
                } => {
                    if step {
                        self.step(self.step_site(pc - 1), (pc - 1, fb))?;
                    }
                    self.set_stack_length(fb + len)?;
                    let v = src!(sk, s, ty);
                    self.st_stack(fb + d, v, size as u32);
                }
                Op::VecGet {
                    vec,
                    f,
                    off,
                    elem,
                    ty,
                    ik,
                    idx,
                    dk,
                    d,
                    at,
                } => {
                    if f.step() {
                        self.step(self.step_site(pc - 1), (pc - 1, fb))?;
                    }
                    let mut i = src!(ik, idx, usz);
                    if off != 0 {
                        i = self.offset_index(i, off, f.sub(), at)?;
                    }
                    let x = match self.local_element(vec, f, fb, i, elem, at)? {
                        // Common element widths read with constant shifts.
                        Some(a) => match (SPECIALISE, ty.size, ty.signed) {
                            (true, 8, _) => self.ld_heap(a, U64),
                            (true, 4, false) => self.ld_heap(a, U32),
                            (true, 1, false) => self.ld_heap(a, U8),
                            _ => self.ld_heap(a, ty),
                        },
                        None => self.element_read(vec, f, fb, i, elem, ty, at)?,
                    };
                    if f.let_() {
                        self.set_stack_length(fb + d + ty.size as u32)?;
                    }
                    put!(dk, d, x, ty.size as u32);
                }
                Op::VecSet {
                    vec,
                    f,
                    off,
                    elem,
                    size,
                    ik,
                    idx,
                    vk,
                    val,
                    at,
                } => {
                    if f.step() {
                        self.step(self.step_site(pc - 1), (pc - 1, fb))?;
                    }
                    let mut i = src!(ik, idx, usz);
                    if off != 0 {
                        i = self.offset_index(i, off, f.sub(), at)?;
                    }
                    let x = src!(
                        vk,
                        val,
                        Scalar {
                            size,
                            signed: false
                        }
                    );
                    match self.local_element(vec, f, fb, i, elem, at)? {
                        Some(a) => match (SPECIALISE, size) {
                            (true, 8) => self.st_heap(a, x, 8),
                            (true, 4) => self.st_heap(a, x, 4),
                            (true, 1) => self.st_heap(a, x, 1),
                            _ => self.st_heap(a, x, size as u32),
                        },
                        None => self.element_write(vec, f, fb, i, elem, size, x, at)?,
                    }
                }
                Op::StepForRange {
                    site,
                    cur,
                    end,
                    var,
                    ty,
                    back,
                    target,
                } => {
                    self.step(site, (pc - 1, fb))?;
                    if SPECIALISE && ty.size == 8 && !ty.signed {
                        // The common range, over `usize` or `u64`: no widths to work out.
                        let c = self.ld(fb + cur, U64);
                        if c < self.ld(fb + end, U64) {
                            self.st_stack(fb + var, c, 8);
                            self.st_stack(fb + cur, c.wrapping_add(1), 8);
                            if back {
                                pc = target as usize;
                            }
                        } else if !back {
                            pc = target as usize;
                        }
                        continue;
                    }
                    let c = self.ld(fb + cur, ty);
                    let e = self.ld(fb + end, ty);
                    if holds(Cmp::Lt, ty.signed, c, e) {
                        let n = ty.size as u32;
                        self.st_stack(fb + var, c, n);
                        self.st_stack(fb + cur, extend(c.wrapping_add(1), ty), n);
                        if back {
                            pc = target as usize;
                        }
                    } else if !back {
                        pc = target as usize;
                    }
                }
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
                } => {
                    let mut i = self.ld(fb + idx, usz);
                    if off != 0 {
                        i = self.offset_index(i, off, f.sub(), at)?;
                    }
                    let x = match self.local_element(vec, f, fb, i, elem, at)? {
                        Some(a) => match (SPECIALISE, ty.size, ty.signed) {
                            (true, 8, _) => self.ld_heap(a, U64),
                            (true, 4, false) => self.ld_heap(a, U32),
                            (true, 1, false) => self.ld_heap(a, U8),
                            _ => self.ld_heap(a, ty),
                        },
                        None => self.element_read(vec, f, fb, i, elem, ty, at)?,
                    };
                    let a = self.pop();
                    if !compare(op, ty.signed, a, x) {
                        pc = target as usize;
                    }
                }
                _ => {
                    *pc_out = pc - 1;
                    *fb_out = fb;
                    return Ok(true);
                }
            }
        }
    }

    /// `a op b` of a comparison whose operands' kinds `k` gives. Only a popped operand
    /// changes anything (the registers).
    #[allow(clippy::too_many_arguments)]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn test(
        &mut self,
        op: Cmp,
        signed: bool,
        ty: Scalar,
        k: Kinds,
        a: u32,
        b: u32,
        fb: u32,
        acc: u64,
    ) -> bool {
        macro_rules! operands {
            ($ty:expr) => {{
                let ty: Scalar = $ty;
                match if SPECIALISE { k.0 } else { u8::MAX } {
                    CMP_LOC_IMM => (self.ld(fb + a, ty), b as u64),
                    CMP_LOC_LOC => (self.ld(fb + a, ty), self.ld(fb + b, ty)),
                    CMP_ACC_IMM => (acc, b as u64),
                    CMP_ACC_LOC => (acc, self.ld(fb + b, ty)),
                    CMP_POP_ACC => (self.pop(), acc),
                    _ => {
                        let vb = self.operand(k.b(), b, ty, fb, acc);
                        let va = self.operand(k.a(), a, ty, fb, acc);
                        (va, vb)
                    }
                }
            }};
        }
        let (va, vb) = match (SPECIALISE, ty.size, ty.signed) {
            (true, 8, false) => operands!(U64),
            (true, 4, false) => operands!(U32),
            _ => operands!(ty),
        };
        compare(op, signed, va, vb)
    }

    /// An operand of kind `k` and number `v` (a local read as `ty`).
    fn operand(&mut self, k: Src, v: u32, ty: Scalar, fb: u32, acc: u64) -> u64 {
        match k {
            Src::Local => self.ld(fb + v, ty),
            Src::Imm => v as u64,
            Src::NegImm => v as i32 as i64 as u64,
            Src::Acc => acc,
            Src::Pop => self.pop(),
        }
    }

    /// The address of element `idx` of a Vec in the frame at `vec`, for the common case
    /// (pointer width 64, no checks of manual mode): its pointer and length read in one go
    /// and the bounds checked, panicking as `vec_index` does. `None` for the other cases,
    /// which `element_read` and `element_write` take.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn local_element(
        &self,
        vec: u32,
        f: VecFlags,
        fb: u32,
        idx: u64,
        elem: u8,
        at: u32,
    ) -> Result<Option<u64>, Halt> {
        if !self.plain_vecs || f.by_ref() {
            return Ok(None);
        }
        let i = (fb + vec) as usize;
        let Some(meta) = self
            .st
            .stack
            .get(i..i + 16)
            .and_then(|s| <[u8; 16]>::try_from(s).ok())
        else {
            return Ok(None);
        };
        let v = u128::from_le_bytes(meta);
        let (p, len) = (v as u64, (v >> 64) as u64);
        if idx >= len {
            return Err(self.index_out_of_bounds(len, idx, at).into());
        }
        Ok(Some(p.wrapping_add(idx.wrapping_mul(elem as u64))))
    }

    /// The Vec's address for an element op: the local's own, or the pointer in it.
    fn vec_address(&self, vec: u32, f: VecFlags, fb: u32) -> u64 {
        if f.by_ref() {
            self.ld(fb + vec, Scalar::address(self.p.ptr))
        } else {
            (fb + vec) as u64 | STACK_TAG
        }
    }

    /// `VecGet`'s read where `local_element` does not apply, with manual mode's checks.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn element_read(
        &mut self,
        vec: u32,
        f: VecFlags,
        fb: u32,
        idx: u64,
        elem: u8,
        ty: Scalar,
        at: u32,
    ) -> Result<u64, Halt> {
        let addr = self.vec_address(vec, f, fb);
        let a = self.vec_index(addr, idx, elem, at, false)?;
        if self.checked {
            self.check_stack_access(a, ty.size as u32, Access::Read)?;
        }
        Ok(self.load(a, ty))
    }

    /// `VecSet`'s write where `local_element` does not apply, with manual mode's checks.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn element_write(
        &mut self,
        vec: u32,
        f: VecFlags,
        fb: u32,
        idx: u64,
        elem: u8,
        size: u8,
        x: u64,
        at: u32,
    ) -> Result<(), Halt> {
        let addr = self.vec_address(vec, f, fb);
        let a = self.vec_index(addr, idx, elem, at, true)?;
        if self.checked {
            self.check_stack_access(a, size as u32, Access::Write)?;
        }
        self.write(a, x, size as u32);
        Ok(())
    }

    /// Reads a scalar at `addr` (a heap address, as a Vec's elements have), as `load` does.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn ld_heap(&self, addr: u64, ty: Scalar) -> u64 {
        let i = addr as usize;
        match self
            .st
            .heap
            .get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
        {
            Some(word) if addr >> 31 == 0 && ty.size.wrapping_sub(1) < 8 => {
                extend(u64::from_le_bytes(word), ty)
            }
            _ => self.load(addr, ty),
        }
    }

    /// Writes the low `size` bytes of `v` at `addr` (a heap address), as `write` does.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn st_heap(&mut self, addr: u64, v: u64, size: u32) {
        let i = addr as usize;
        let st = &mut self.st;
        match st
            .heap
            .get_mut(i..i + 8)
            .and_then(|s| <&mut [u8; 8]>::try_from(s).ok())
        {
            Some(word) if addr >> 31 == 0 && size.wrapping_sub(1) < 8 => {
                let mask = u64::MAX >> ((64 - 8 * size) & 63);
                let old = u64::from_le_bytes(*word);
                *word = ((old & !mask) | (v & mask)).to_le_bytes();
            }
            _ => {
                self.write(addr, v, size);
                return;
            }
        }
        st.heap_init.set_few(i, size);
        st.heap_high = st.heap_high.max(addr as u32 + size);
        self.log.write_scalar(Region::Heap, addr as u32, v, size);
    }

    /// A Vec op's index `i` plus `off` (minus, with `sub`), checked as `usize` arithmetic
    /// is; an overflow panics at the span just before the op's (`at - 1`).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn offset_index(&self, i: u64, off: u8, sub: bool, at: u32) -> Result<u64, Halt> {
        let n = off as u64;
        let r = if sub {
            i.checked_sub(n)
        } else {
            i.checked_add(n)
        };
        match r {
            Some(r) if self.p.ptr == PtrWidth::W64 || r >> 32 == 0 => Ok(r),
            _ => Err(self.offset_overflow(sub, at)),
        }
    }

    #[cold]
    #[inline(never)]
    fn offset_overflow(&self, sub: bool, at: u32) -> Halt {
        let message = if sub {
            "attempt to subtract with overflow"
        } else {
            "attempt to add with overflow"
        };
        panic_at(message, self.span(at.wrapping_sub(1))).into()
    }

    /// `set_stack_length(a)` then `set_stack_length(b)`, the bytes they reserve made
    /// uninitialised at once.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn set_stack_length2(&mut self, a: u32, b: u32) -> Result<(), Stop> {
        let from = self.st.stack_length;
        if a.max(b) > self.stack_size || self.log.collecting {
            return self.set_stack_lengths(a, b);
        }
        // Reserved: `from..a` when it grows to `a`, then `a..b` when it grows to `b`.
        let lo = if a > from { from } else { a };
        let hi = if b > a { b } else { a };
        if a > from || b > a {
            self.st.stack_init.clear_range(lo as usize, hi as usize);
            self.st.stack_high = self.st.stack_high.max(hi);
        }
        self.st.stack_length = b;
        self.log.count += (a != from) as u64 + (b != a) as u64;
        Ok(())
    }

    /// `set_stack_length2` one at a time (an overflow, or events to collect).
    #[inline(never)]
    fn set_stack_lengths(&mut self, a: u32, b: u32) -> Result<(), Stop> {
        self.set_stack_length(a)?;
        self.set_stack_length(b)
    }

    /// `set_stack_length` where the stack normally shrinks (a return).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn shrink_stack(&mut self, to: u32) -> Result<(), Stop> {
        let from = self.st.stack_length;
        if to < from {
            self.st.stack_length = to;
            self.log.stack_length(from, to);
            Ok(())
        } else if to == from {
            Ok(())
        } else {
            self.grow_stack(to)
        }
    }

    #[inline(never)]
    fn grow_stack(&mut self, to: u32) -> Result<(), Stop> {
        self.set_stack_length(to)
    }

    /// The site of the step the op at `pc` begins with.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn step_site(&self, pc: usize) -> u32 {
        self.p.step_sites.get(pc).copied().unwrap_or(u32::MAX)
    }

    /// Reads a local's scalar at stack index `a`; eight bytes take no shifting.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn ld(&self, a: u32, ty: Scalar) -> u64 {
        let i = a as usize;
        match self
            .st
            .stack
            .get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
        {
            Some(word) => extend(u64::from_le_bytes(word), ty),
            None => self.load(a as u64 | STACK_TAG, ty),
        }
    }

    /// Writes the low `size` bytes of `v` at stack index `a`, as `write` does: eight bytes
    /// in one store, fewer by a read-modify-write of eight.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn st_stack(&mut self, a: u32, v: u64, size: u32) {
        let i = a as usize;
        let st = &mut self.st;
        match st
            .stack
            .get_mut(i..i + 8)
            .and_then(|s| <&mut [u8; 8]>::try_from(s).ok())
        {
            Some(word) if size.wrapping_sub(1) < 8 => {
                let mask = u64::MAX >> ((64 - 8 * size) & 63);
                let old = u64::from_le_bytes(*word);
                *word = ((old & !mask) | (v & mask)).to_le_bytes();
            }
            _ => {
                self.write(a as u64 | STACK_TAG, v, size);
                return;
            }
        }
        st.stack_init.set_few(i, size);
        st.stack_high = st.stack_high.max(a + size);
        self.log.write_scalar(Region::Stack, a, v, size);
    }
}

/// The low `ty.size` bytes of `v` (1 to 8), sign- or zero-extended as `ty` says.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn extend(v: u64, ty: Scalar) -> u64 {
    let shift = (64 - 8 * ty.size as u32) & 63;
    let v = v << shift;
    let signed = ((v as i64) >> shift) as u64;
    let unsigned = v >> shift;
    if ty.signed {
        signed
    } else {
        unsigned
    }
}

/// `a op b`, without branches: the operands' order (less, equal, greater) picks a bit of
/// the comparison's truth table.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn holds(op: Cmp, signed: bool, a: u64, b: u64) -> bool {
    // Flipping the sign bits makes unsigned order agree with signed order.
    let flip = (signed as u64) << 63;
    let (a, b) = (a ^ flip, b ^ flip);
    let order = (a > b) as u32 * 2 + (a == b) as u32;
    // Bit `order` of each entry: less (0), equal (1), greater (2).
    let table: u32 = match op {
        Cmp::Eq => 0b010,
        Cmp::Ne => 0b101,
        Cmp::Lt => 0b001,
        Cmp::Le => 0b011,
        Cmp::Gt => 0b100,
        Cmp::Ge => 0b110,
    };
    table >> order & 1 != 0
}
