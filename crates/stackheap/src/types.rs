//! The engine's types, their sizes and alignments at a pointer width, and the unifier that
//! infers the types of integer literals and empty `Vec`s as rustc does.

use std::fmt;

use crate::settings::PtrWidth;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    Isize,
    U8,
    U16,
    U32,
    U64,
    Usize,
}

impl IntTy {
    pub const ALL: [IntTy; 10] = [
        IntTy::I8,
        IntTy::I16,
        IntTy::I32,
        IntTy::I64,
        IntTy::Isize,
        IntTy::U8,
        IntTy::U16,
        IntTy::U32,
        IntTy::U64,
        IntTy::Usize,
    ];

    pub fn name(self) -> &'static str {
        match self {
            IntTy::I8 => "i8",
            IntTy::I16 => "i16",
            IntTy::I32 => "i32",
            IntTy::I64 => "i64",
            IntTy::Isize => "isize",
            IntTy::U8 => "u8",
            IntTy::U16 => "u16",
            IntTy::U32 => "u32",
            IntTy::U64 => "u64",
            IntTy::Usize => "usize",
        }
    }

    pub fn from_name(s: &str) -> Option<IntTy> {
        IntTy::ALL.into_iter().find(|t| t.name() == s)
    }

    pub fn signed(self) -> bool {
        matches!(
            self,
            IntTy::I8 | IntTy::I16 | IntTy::I32 | IntTy::I64 | IntTy::Isize
        )
    }

    pub fn size(self, ptr: PtrWidth) -> u32 {
        match self {
            IntTy::I8 | IntTy::U8 => 1,
            IntTy::I16 | IntTy::U16 => 2,
            IntTy::I32 | IntTy::U32 => 4,
            IntTy::I64 | IntTy::U64 => 8,
            IntTy::Isize | IntTy::Usize => ptr.bytes(),
        }
    }

    pub fn bits(self, ptr: PtrWidth) -> u32 {
        self.size(ptr) * 8
    }

    pub fn min(self, ptr: PtrWidth) -> i128 {
        if self.signed() {
            -(1i128 << (self.bits(ptr) - 1))
        } else {
            0
        }
    }

    pub fn max(self, ptr: PtrWidth) -> i128 {
        if self.signed() {
            (1i128 << (self.bits(ptr) - 1)) - 1
        } else {
            (1i128 << self.bits(ptr)) - 1
        }
    }
}

/// A type during and after inference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    Int(IntTy),
    Bool,
    Unit,
    /// The type of `return`, `break`, `continue` and `panic!`: fits anywhere.
    Never,
    Vec(Box<Ty>),
    /// An inference variable.
    Var(u32),
    /// A type already reported as an error.
    Error,
}

impl Ty {
    /// Size and alignment in bytes; `None` for types that take no memory.
    pub fn layout(&self, ptr: PtrWidth) -> Option<(u32, u32)> {
        match self {
            Ty::Int(i) => Some((i.size(ptr), i.size(ptr))),
            Ty::Bool => Some((1, 1)),
            Ty::Vec(_) => Some((3 * ptr.bytes(), ptr.bytes())),
            _ => None,
        }
    }

    pub fn size(&self, ptr: PtrWidth) -> u32 {
        self.layout(ptr).map_or(0, |l| l.0)
    }

    /// Values of scalar types travel in registers; the others live in memory.
    pub fn is_scalar(&self) -> bool {
        matches!(self, Ty::Int(_) | Ty::Bool)
    }

    pub fn is_vec(&self) -> bool {
        matches!(self, Ty::Vec(_))
    }

    pub fn int(&self) -> Option<IntTy> {
        match self {
            Ty::Int(i) => Some(*i),
            _ => None,
        }
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Int(i) => f.write_str(i.name()),
            Ty::Bool => f.write_str("bool"),
            Ty::Unit => f.write_str("()"),
            Ty::Never => f.write_str("!"),
            Ty::Vec(t) => write!(f, "Vec<{t}>"),
            Ty::Var(_) => f.write_str("_"),
            Ty::Error => f.write_str("{unknown}"),
        }
    }
}

#[derive(Clone, Debug)]
enum VarState {
    Unbound { integer: bool },
    Bound(Ty),
}

/// Inference variables and their bindings.
#[derive(Default)]
pub struct Infer {
    vars: Vec<VarState>,
}

impl Infer {
    pub fn fresh(&mut self) -> Ty {
        self.vars.push(VarState::Unbound { integer: false });
        Ty::Var(self.vars.len() as u32 - 1)
    }

    /// A variable that can only become an integer type (an integer literal's type).
    pub fn fresh_int(&mut self) -> Ty {
        self.vars.push(VarState::Unbound { integer: true });
        Ty::Var(self.vars.len() as u32 - 1)
    }

    /// Follows bindings at the top level only.
    pub fn shallow(&self, t: &Ty) -> Ty {
        let mut t = t.clone();
        while let Ty::Var(v) = t {
            match &self.vars[v as usize] {
                VarState::Bound(b) => t = b.clone(),
                VarState::Unbound { .. } => return t,
            }
        }
        t
    }

    pub fn is_int_var(&self, t: &Ty) -> bool {
        matches!(self.shallow(t), Ty::Var(v) if matches!(self.vars[v as usize], VarState::Unbound { integer: true }))
    }

    /// Resolves all bindings; unbound variables stay variables.
    pub fn resolve(&self, t: &Ty) -> Ty {
        match self.shallow(t) {
            Ty::Vec(e) => Ty::Vec(Box::new(self.resolve(&e))),
            other => other,
        }
    }

    fn occurs(&self, v: u32, t: &Ty) -> bool {
        match self.shallow(t) {
            Ty::Var(w) => v == w,
            Ty::Vec(e) => self.occurs(v, &e),
            _ => false,
        }
    }

    /// Makes two types equal, binding variables; `Err` when they cannot be.
    pub fn unify(&mut self, a: &Ty, b: &Ty) -> Result<(), ()> {
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            _ if a == b => Ok(()),
            (Ty::Never, _) | (_, Ty::Never) | (Ty::Error, _) | (_, Ty::Error) => Ok(()),
            (Ty::Var(x), Ty::Var(y)) => {
                let ix = matches!(self.vars[*x as usize], VarState::Unbound { integer: true });
                let iy = matches!(self.vars[*y as usize], VarState::Unbound { integer: true });
                self.vars[*y as usize] = VarState::Unbound { integer: ix || iy };
                self.vars[*x as usize] = VarState::Bound(b.clone());
                Ok(())
            }
            (Ty::Var(x), other) | (other, Ty::Var(x)) => {
                let integer = matches!(self.vars[*x as usize], VarState::Unbound { integer: true });
                if integer && !matches!(other, Ty::Int(_)) {
                    return Err(());
                }
                if self.occurs(*x, other) {
                    return Err(());
                }
                self.vars[*x as usize] = VarState::Bound(other.clone());
                Ok(())
            }
            (Ty::Vec(x), Ty::Vec(y)) => {
                let (x, y) = ((**x).clone(), (**y).clone());
                self.unify(&x, &y)
            }
            _ => Err(()),
        }
    }

    /// Gives every unbound integer variable rustc's fallback type, `i32`.
    pub fn default_integers(&mut self) {
        for i in 0..self.vars.len() {
            if let VarState::Unbound { integer: true } = self.vars[i] {
                self.vars[i] = VarState::Bound(Ty::Int(IntTy::I32));
            }
        }
    }

    /// How a type reads in a message: integer variables as `{integer}`.
    pub fn describe(&self, t: &Ty) -> String {
        match self.shallow(t) {
            Ty::Var(_) if self.is_int_var(t) => "{integer}".to_string(),
            Ty::Var(_) => "_".to_string(),
            Ty::Vec(e) => format!("Vec<{}>", self.describe(&e)),
            other => other.to_string(),
        }
    }
}
