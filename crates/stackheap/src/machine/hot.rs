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
use crate::optimize::{Dst, Src};

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
        let usz = Scalar {
            size: ptr.bytes() as u8,
            signed: false,
        };
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
                self.set_stack_length(frame.slot + frame.slot_size)?;
                self.log.ret(frame.func);
                self.regs.truncate(frame.regs_base as usize);
                self.owned.truncate(frame.flags_base as usize);
                let Some(caller) = self.st.frames.last() else {
                    return Ok(false);
                };
                if frame.ret_pc == u32::MAX {
                    return Ok(false);
                }
                pc = frame.ret_pc as usize;
                fb = caller.base;
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
                    let v = self.ld(fb + off, ty);
                    self.regs.push(v);
                }
                Op::Store { off, size } => {
                    let v = self.pop();
                    self.st_stack(fb + off, v, size as u32);
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
                Op::AddrLocal(off) => self.regs.push((fb + off) as u64 | STACK_TAG),
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
                Op::Jump(t) => pc = t as usize,
                Op::JumpIfFalse(t) => {
                    if self.pop() == 0 {
                        pc = t as usize;
                    }
                }
                Op::JumpIfTrue(t) => {
                    if self.pop() != 0 {
                        pc = t as usize;
                    }
                }
                Op::SetStack(off) => self.set_stack_length(fb + off)?,
                Op::SetStack2 { first, second } => {
                    self.set_stack_length(fb + first)?;
                    self.set_stack_length(fb + second)?;
                }
                Op::Call {
                    func,
                    base,
                    slot,
                    slot_size,
                } => {
                    if self.st.frames.len() >= MAX_FRAMES {
                        return Err(Halt::Stop(self.stack_overflow()));
                    }
                    let entry = self
                        .p
                        .functions
                        .get(func as usize)
                        .map_or(code.len(), |f| f.entry as usize);
                    self.enter(func, fb + base, fb + slot, slot_size, pc as u32);
                    fb += base;
                    pc = entry;
                }
                Op::StoreRet(size) => {
                    let v = self.pop();
                    let slot = self.st.frames.last().map_or(0, |f| f.slot);
                    self.st_stack(slot, v, size as u32);
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
                Op::Bin {
                    op,
                    ty,
                    ak,
                    a,
                    bk,
                    b,
                    dk,
                    d,
                    at,
                } => {
                    let vb = src!(bk, b, ty);
                    let va = src!(ak, a, ty);
                    let r = arith_bits(op, 8 * ty.size as u32, ty.signed, va, vb)
                        .map_err(|m| panic_at(m, self.span(at)))?;
                    put!(dk, d, r, ty.size as u32);
                }
                Op::CmpJump {
                    op,
                    signed,
                    ty,
                    ak,
                    a,
                    bk,
                    b,
                    target,
                } => {
                    let vb = src!(bk, b, ty);
                    let va = src!(ak, a, ty);
                    if !compare(op, signed, va, vb) {
                        pc = target as usize;
                    }
                }
                Op::StepCmpJump {
                    site,
                    op,
                    signed,
                    ty,
                    ak,
                    a,
                    bk,
                    b,
                    target,
                } => {
                    self.step(site, (pc - 1, fb))?;
                    let vb = src!(bk, b, ty);
                    let va = src!(ak, a, ty);
                    if !compare(op, signed, va, vb) {
                        pc = target as usize;
                    }
                }
                Op::Mov {
                    ty,
                    size,
                    sk,
                    s,
                    dk,
                    d,
                } => {
                    let v = src!(sk, s, ty);
                    put!(dk, d, v, size as u32);
                }
                Op::LetMov {
                    len,
                    ty,
                    size,
                    sk,
                    s,
                    d,
                } => {
                    self.set_stack_length(fb + len)?;
                    let v = src!(sk, s, ty);
                    self.st_stack(fb + d, v, size as u32);
                }
                Op::VecGet {
                    vec,
                    by_ref,
                    elem,
                    ty,
                    ik,
                    idx,
                    dk,
                    d,
                    at,
                } => {
                    let i = src!(ik, idx, usz);
                    let v = if by_ref {
                        self.ld(fb + vec, usz)
                    } else {
                        (fb + vec) as u64 | STACK_TAG
                    };
                    let a = self.vec_index(v, i, elem, at, false)?;
                    if self.checked {
                        self.check_stack_access(a, ty.size as u32, Access::Read)?;
                    }
                    let x = self.load(a, ty);
                    put!(dk, d, x, ty.size as u32);
                }
                Op::VecSet {
                    vec,
                    by_ref,
                    elem,
                    size,
                    ik,
                    idx,
                    vk,
                    val,
                    at,
                } => {
                    let i = src!(ik, idx, usz);
                    let x = src!(
                        vk,
                        val,
                        Scalar {
                            size,
                            signed: false
                        }
                    );
                    let v = if by_ref {
                        self.ld(fb + vec, usz)
                    } else {
                        (fb + vec) as u64 | STACK_TAG
                    };
                    let a = self.vec_index(v, i, elem, at, true)?;
                    if self.checked {
                        self.check_stack_access(a, size as u32, Access::Write)?;
                    }
                    self.write(a, x, size as u32);
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
                    let c = self.ld(fb + cur, ty);
                    let e = self.ld(fb + end, ty);
                    if compare(Cmp::Lt, ty.signed, c, e) {
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
                _ => {
                    *pc_out = pc - 1;
                    *fb_out = fb;
                    return Ok(true);
                }
            }
        }
    }

    /// Reads a local's scalar at stack index `a`; eight bytes take no shifting.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn ld(&self, a: u32, ty: Scalar) -> u64 {
        let i = a as usize;
        if let Some(word) = self
            .st
            .stack
            .get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
        {
            let v = u64::from_le_bytes(word);
            if ty.size == 8 {
                return v;
            }
            if ty.size != 0 && ty.size < 8 {
                return extend(v, ty);
            }
        }
        self.load(a as u64 | STACK_TAG, ty)
    }

    /// Writes the low `size` bytes of `v` at stack index `a`, as `write` does: eight bytes
    /// in one store, fewer by a read-modify-write of eight.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn st_stack(&mut self, a: u32, v: u64, size: u32) {
        let i = a as usize;
        let st = &mut self.st;
        match st
            .stack
            .get_mut(i..i + 8)
            .and_then(|s| <&mut [u8; 8]>::try_from(s).ok())
        {
            Some(word) if size == 8 => *word = v.to_le_bytes(),
            Some(word) if size != 0 && size < 8 => {
                let mask = u64::MAX >> (64 - 8 * size);
                let old = u64::from_le_bytes(*word);
                *word = ((old & !mask) | (v & mask)).to_le_bytes();
            }
            _ => {
                self.write(a as u64 | STACK_TAG, v, size);
                return;
            }
        }
        st.stack_init.set_small(i, size);
        st.stack_high = st.stack_high.max(a + size);
        self.log.write_scalar(Region::Stack, a, v, size);
    }
}

/// The low `ty.size` bytes of `v` (1 to 8), sign- or zero-extended as `ty` says.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn extend(v: u64, ty: Scalar) -> u64 {
    let shift = (64 - 8 * ty.size as u32) & 63;
    let v = v << shift;
    if ty.signed {
        ((v as i64) >> shift) as u64
    } else {
        v >> shift
    }
}
