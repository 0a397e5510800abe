//! The engine's types, their sizes and alignments at a pointer width, and the unifier that
//! infers the types of integer literals and empty `Vec`s as rustc does.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock, Weak};

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
    /// A struct declared in the program.
    Struct(Arc<StructDef>),
    /// A struct named in its own definition, or in the definition of another struct of the
    /// same cycle (`next: Option<Box<Node>>` inside `Node`), behind a `Box` or `Vec`. Only
    /// struct definitions hold it: reading a field's type ([`StructDef::fields`]) turns it
    /// into `Ty::Struct`, so no other type ever contains it.
    Recursive(RecRef),
    /// A tuple of two or more types (or one, written `(T,)`).
    Tuple(Vec<Ty>),
    /// `[T; N]`
    Array(Box<Ty>, u64),
    /// `&T` (false) or `&mut T` (true): an address, pointer-sized.
    Ref(bool, Box<Ty>),
    /// `char`: a Unicode scalar value in 4 bytes.
    Char,
    /// `String`: pointer, length, capacity like a `Vec<u8>`, its UTF-8 bytes in one heap block.
    String,
    /// `&str`: pointer and length (a fat reference) to UTF-8 bytes in the heap, either in a
    /// `String`'s block or in the read-only block of string literals.
    StrRef,
    /// `&[T]`: pointer and length (a fat reference) to elements in a `Vec`'s block or an
    /// array on the stack.
    SliceRef(Box<Ty>),
    /// `&mut [T]`: pointer and length, like `&[T]`, through which the elements may be
    /// written.
    SliceMut(Box<Ty>),
    /// `Box<T>`: a pointer (pointer-sized) to a heap block holding the `T`.
    Box(Box<Ty>),
    /// `Option<T>`: laid out as rustc lays it out (see [`option_layout`]).
    Option(Box<Ty>),
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
            Ty::Char => Some((4, 4)),
            Ty::Vec(_) | Ty::String => Some((3 * ptr.bytes(), ptr.bytes())),
            Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_) => Some((2 * ptr.bytes(), ptr.bytes())),
            Ty::Box(_) => Some((ptr.bytes(), ptr.bytes())),
            Ty::Ref(..) => Some((ptr.bytes(), ptr.bytes())),
            Ty::Struct(d) => {
                let l = d.layout(ptr);
                Some((l.size, l.align))
            }
            Ty::Tuple(ts) => {
                let l = layout_fields(ts, ptr, false)?;
                Some((l.size, l.align))
            }
            Ty::Array(e, n) => {
                let (size, align) = e.layout(ptr)?;
                let total = (size as u64).checked_mul(*n)?;
                (total <= u32::MAX as u64 / 2).then_some((total as u32, align))
            }
            Ty::Option(_) => {
                let l = option_layout(self, ptr)?;
                Some((l.size, l.align))
            }
            _ => None,
        }
    }

    /// Values of these types live in memory (stack bytes), not in registers.
    pub fn is_mem(&self) -> bool {
        matches!(
            self,
            Ty::Vec(_)
                | Ty::Struct(_)
                | Ty::Tuple(_)
                | Ty::Array(..)
                | Ty::Option(_)
                | Ty::String
                | Ty::StrRef
                | Ty::Box(_)
                | Ty::SliceRef(_)
                | Ty::SliceMut(_)
        )
    }

    /// Whether using the value copies it (rather than moving it).
    pub fn is_copy(&self) -> bool {
        match self {
            Ty::Int(_) | Ty::Bool | Ty::Unit | Ty::Never | Ty::Error | Ty::Var(_) => true,
            Ty::Char | Ty::StrRef | Ty::SliceRef(_) => true,
            // Like `&mut T`: passing one reborrows it.
            Ty::SliceMut(_) => true,
            Ty::String | Ty::Box(_) => false,
            // `&mut` is not `Copy`, but passing one reborrows it: it is never moved here.
            Ty::Ref(..) => true,
            Ty::Vec(_) => false,
            Ty::Struct(d) => d.copy,
            Ty::Recursive(_) => false,
            Ty::Tuple(ts) => ts.iter().all(Ty::is_copy),
            Ty::Array(e, _) | Ty::Option(e) => e.is_copy(),
        }
    }

    /// How deeply types nest: 1 for scalars, one more than the deepest part otherwise.
    pub fn depth(&self) -> u32 {
        match self {
            Ty::Struct(d) => d.depth,
            Ty::Vec(e)
            | Ty::Array(e, _)
            | Ty::Ref(_, e)
            | Ty::Option(e)
            | Ty::Box(e)
            | Ty::SliceRef(e)
            | Ty::SliceMut(e) => 1 + e.depth(),
            Ty::Tuple(ts) => 1 + ts.iter().map(Ty::depth).max().unwrap_or(0),
            _ => 1,
        }
    }

    /// Whether dropping the value frees heap memory.
    pub fn needs_drop(&self) -> bool {
        match self {
            Ty::Vec(_) | Ty::String | Ty::Box(_) => true,
            Ty::Struct(d) => d.needs_drop,
            // A struct in a cycle reaches itself through a Box or a Vec.
            Ty::Recursive(_) => true,
            Ty::Tuple(ts) => ts.iter().any(Ty::needs_drop),
            Ty::Array(e, n) => *n > 0 && e.needs_drop(),
            Ty::Option(e) => e.needs_drop(),
            _ => false,
        }
    }

    /// Offsets of the `Vec`s inside a value, in the order Rust drops them (fields in
    /// declaration order, elements in index order).
    pub fn drop_offsets(&self, ptr: PtrWidth, base: u32, out: &mut Vec<u32>) {
        match self {
            Ty::Vec(_) | Ty::String => out.push(base),
            Ty::Box(_) => out.push(base | BOX_DROP),
            // Where an owning Option is (its drop depends on its tag: see the drop glue).
            Ty::Option(e) if e.needs_drop() => out.push(base),
            Ty::Struct(d) => {
                let l = d.layout(ptr);
                for (f, off) in d.fields().iter().zip(&l.offsets) {
                    f.ty.drop_offsets(ptr, base + off, out);
                }
            }
            Ty::Tuple(ts) => {
                if let Some(l) = layout_fields(ts, ptr, false) {
                    for (t, off) in ts.iter().zip(&l.offsets) {
                        t.drop_offsets(ptr, base + off, out);
                    }
                }
            }
            Ty::Array(e, n) if e.needs_drop() => {
                let size = e.size(ptr);
                for i in 0..*n as u32 {
                    e.drop_offsets(ptr, base + i * size, out);
                }
            }
            _ => {}
        }
    }

    /// The fields of a struct or tuple: names (`x`, or `0` for tuples), types and offsets.
    pub fn fields(&self, ptr: PtrWidth) -> Vec<(String, Ty, u32)> {
        match self {
            Ty::Struct(d) => {
                let l = d.layout(ptr);
                d.fields()
                    .iter()
                    .zip(&l.offsets)
                    .map(|(f, o)| (f.name.clone(), f.ty.clone(), *o))
                    .collect()
            }
            Ty::Tuple(ts) => match layout_fields(ts, ptr, false) {
                Some(l) => ts
                    .iter()
                    .zip(&l.offsets)
                    .enumerate()
                    .map(|(i, (t, o))| (i.to_string(), t.clone(), *o))
                    .collect(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub fn size(&self, ptr: PtrWidth) -> u32 {
        self.layout(ptr).map_or(0, |l| l.0)
    }

    /// Values of scalar types travel in registers; the others live in memory.
    pub fn is_scalar(&self) -> bool {
        matches!(self, Ty::Int(_) | Ty::Bool | Ty::Ref(..) | Ty::Char)
    }

    /// The type behind any number of references.
    pub fn deref_all(&self) -> &Ty {
        match self {
            Ty::Ref(_, t) => t.deref_all(),
            t => t,
        }
    }

    /// The type behind any number of references and `Box`es: what a field access, an index
    /// or a method call reaches by auto-deref.
    pub fn autoderef(&self) -> &Ty {
        match self {
            Ty::Ref(_, t) | Ty::Box(t) => t.autoderef(),
            t => t,
        }
    }

    pub fn is_vec(&self) -> bool {
        matches!(self, Ty::Vec(_))
    }

    /// A `Vec` or a `String`: metadata (pointer, length, capacity) owning one heap block.
    pub fn owns_buffer(&self) -> bool {
        matches!(self, Ty::Vec(_) | Ty::String)
    }

    /// A `Vec` or `String` whose elements own nothing: dropping it frees just its block.
    pub fn plain_buffer(&self) -> bool {
        match self {
            Ty::Vec(e) => !e.needs_drop(),
            Ty::String => true,
            _ => false,
        }
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
        // A type around one other type: the text before and after that type's own.
        let (before, inner, after) = match self {
            Ty::Int(i) => return f.write_str(i.name()),
            Ty::Bool => return f.write_str("bool"),
            Ty::Char => return f.write_str("char"),
            Ty::String => return f.write_str("String"),
            Ty::StrRef => return f.write_str("&str"),
            Ty::Unit => return f.write_str("()"),
            Ty::Never => return f.write_str("!"),
            Ty::Vec(t) => ("Vec<", t, ">"),
            Ty::Struct(d) => return f.write_str(&d.name),
            Ty::Recursive(r) => return f.write_str(&r.name),
            Ty::Tuple(ts) => {
                f.write_str("(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    t.fmt(f)?;
                }
                if ts.len() == 1 {
                    f.write_str(",")?;
                }
                return f.write_str(")");
            }
            Ty::Array(t, n) => return write!(f, "[{t}; {n}]"),
            Ty::Option(t) => ("Option<", t, ">"),
            Ty::Box(t) => ("Box<", t, ">"),
            Ty::SliceRef(t) => ("&[", t, "]"),
            Ty::SliceMut(t) => ("&mut [", t, "]"),
            Ty::Ref(false, t) => ("&", t, ""),
            Ty::Ref(true, t) => ("&mut ", t, ""),
            Ty::Var(_) => return f.write_str("_"),
            Ty::Error => return f.write_str("{unknown}"),
        };
        f.write_str(before)?;
        inner.fmt(f)?;
        f.write_str(after)
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
        self.head(t).clone()
    }

    /// [`Infer::shallow`] without the copy: the type itself, or the one its variable is
    /// bound to.
    pub fn head<'t>(&'t self, t: &'t Ty) -> &'t Ty {
        let mut t = t;
        while let Ty::Var(v) = t {
            match &self.vars[*v as usize] {
                VarState::Bound(b) => t = b,
                VarState::Unbound { .. } => return t,
            }
        }
        t
    }

    pub fn is_int_var(&self, t: &Ty) -> bool {
        matches!(self.head(t), Ty::Var(v) if matches!(self.vars[*v as usize], VarState::Unbound { integer: true }))
    }

    /// Resolves all bindings; unbound variables stay variables.
    pub fn resolve(&self, t: &Ty) -> Ty {
        match self.head(t) {
            Ty::Vec(e) => Ty::Vec(Box::new(self.resolve(e))),
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|t| self.resolve(t)).collect()),
            Ty::Array(e, n) => Ty::Array(Box::new(self.resolve(e)), *n),
            Ty::Ref(m, e) => Ty::Ref(*m, Box::new(self.resolve(e))),
            Ty::Option(e) => Ty::Option(Box::new(self.resolve(e))),
            Ty::Box(e) => Ty::Box(Box::new(self.resolve(e))),
            Ty::SliceRef(e) => Ty::SliceRef(Box::new(self.resolve(e))),
            Ty::SliceMut(e) => Ty::SliceMut(Box::new(self.resolve(e))),
            other => other.clone(),
        }
    }

    fn occurs(&self, v: u32, t: &Ty) -> bool {
        match self.head(t) {
            Ty::Var(w) => v == *w,
            Ty::Vec(e)
            | Ty::Array(e, _)
            | Ty::Ref(_, e)
            | Ty::Option(e)
            | Ty::Box(e)
            | Ty::SliceRef(e)
            | Ty::SliceMut(e) => self.occurs(v, e),
            Ty::Tuple(ts) => ts.iter().any(|t| self.occurs(v, t)),
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
            (Ty::Recursive(r), Ty::Struct(d)) | (Ty::Struct(d), Ty::Recursive(r))
                if r.id == d.id =>
            {
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
            (Ty::Vec(x), Ty::Vec(y))
            | (Ty::Option(x), Ty::Option(y))
            | (Ty::Box(x), Ty::Box(y))
            | (Ty::SliceRef(x), Ty::SliceRef(y))
            | (Ty::SliceMut(x), Ty::SliceMut(y)) => {
                let (x, y) = ((**x).clone(), (**y).clone());
                self.unify(&x, &y)
            }
            (Ty::Ref(a, x), Ty::Ref(b, y)) if a == b => {
                let (x, y) = ((**x).clone(), (**y).clone());
                self.unify(&x, &y)
            }
            (Ty::Array(x, n), Ty::Array(y, m)) if n == m => {
                let (x, y) = ((**x).clone(), (**y).clone());
                self.unify(&x, &y)
            }
            (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() => {
                let (xs, ys) = (xs.clone(), ys.clone());
                for (x, y) in xs.iter().zip(&ys) {
                    self.unify(x, y)?;
                }
                Ok(())
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
        // A type around one other type: the text before and after that type's own.
        let (before, inner, after) = match self.head(t) {
            Ty::Var(_) if self.is_int_var(t) => return "{integer}".to_string(),
            Ty::Var(_) => return "_".to_string(),
            Ty::Vec(e) => ("Vec<", e, ">"),
            Ty::Option(e) => ("Option<", e, ">"),
            Ty::Box(e) => ("Box<", e, ">"),
            Ty::SliceRef(e) => ("&[", e, "]"),
            Ty::SliceMut(e) => ("&mut [", e, "]"),
            Ty::Array(e, n) => return format!("[{}; {n}]", self.describe(e)),
            Ty::Ref(false, e) => ("&", e, ""),
            Ty::Ref(true, e) => ("&mut ", e, ""),
            Ty::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(|t| self.describe(t)).collect();
                return if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                };
            }
            other => return other.to_string(),
        };
        format!("{before}{}{after}", self.describe(inner))
    }
}

/// How a struct was declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructKind {
    /// `struct Point { x: i32, y: i32 }`
    Named,
    /// `struct Pair(i32, i32);`
    Tuple,
    /// `struct Unit;`
    Unit,
}

#[derive(Clone, Debug)]
pub struct FieldDef {
    /// The field's name; `0`, `1`, ... for tuple structs.
    pub name: String,
    pub ty: Ty,
}

/// Where a struct's or tuple's fields lie in its bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub size: u32,
    pub align: u32,
    /// Offset of each field, in declaration order.
    pub offsets: Vec<u32>,
}

/// A struct the program declares, with its layout at both pointer widths.
#[derive(Clone)]
pub struct StructDef {
    pub id: u32,
    pub name: String,
    pub kind: StructKind,
    /// The fields as declared; in a recursive struct, the types may hold `Ty::Recursive`
    /// (read them through [`StructDef::fields`]).
    fields: Vec<FieldDef>,
    /// Some field's type holds `Ty::Recursive`.
    recursive: bool,
    pub debug: bool,
    pub copy: bool,
    pub clone: bool,
    pub partial_eq: bool,
    /// Some field owns heap memory (computed once, so deep nesting costs no recursion).
    pub needs_drop: bool,
    /// How deeply types nest inside it (see [`Ty::depth`]).
    pub depth: u32,
    /// Layouts at pointer width 32 and 64.
    pub layouts: [Layout; 2],
}

impl StructDef {
    /// A struct with these fields (types holding `Ty::Recursive` where it names itself or
    /// a struct of its cycle) and the other facts about it.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: u32,
        name: String,
        kind: StructKind,
        fields: Vec<FieldDef>,
        derives: [bool; 4],
        needs_drop: bool,
        depth: u32,
        layouts: [Layout; 2],
    ) -> StructDef {
        let [debug, copy, clone, partial_eq] = derives;
        let recursive = fields.iter().any(|f| f.ty.mentions_recursive());
        StructDef {
            id,
            name,
            kind,
            fields,
            recursive,
            debug,
            copy,
            clone,
            partial_eq,
            needs_drop,
            depth,
            layouts,
        }
    }

    pub fn layout(&self, ptr: PtrWidth) -> &Layout {
        &self.layouts[(ptr == PtrWidth::W64) as usize]
    }

    /// The fields with their types, a struct named recursively as `Ty::Struct`.
    pub fn fields(&self) -> Cow<'_, [FieldDef]> {
        if !self.recursive {
            return Cow::Borrowed(&self.fields);
        }
        Cow::Owned(
            self.fields
                .iter()
                .map(|f| FieldDef {
                    name: f.name.clone(),
                    ty: f.ty.unfold(),
                })
                .collect(),
        )
    }

    pub fn field(&self, name: &str) -> Option<(usize, FieldDef)> {
        self.fields()
            .iter()
            .enumerate()
            .find(|(_, f)| f.name == name)
            .map(|(i, f)| (i, f.clone()))
    }
}

/// Where a struct named inside a cycle of definitions is: filled in once the struct is
/// declared. It holds the definition weakly (the cycle would otherwise never be freed);
/// the checked program keeps every definition alive.
#[derive(Clone)]
pub struct RecRef {
    pub id: u32,
    pub name: String,
    def: Arc<OnceLock<Weak<StructDef>>>,
}

impl RecRef {
    /// A reference to the struct `name` (number `id`), not declared yet.
    pub fn new(id: u32, name: String) -> RecRef {
        RecRef {
            id,
            name,
            def: Arc::new(OnceLock::new()),
        }
    }

    /// Points the reference at its declared struct.
    pub fn fill(&self, def: &Arc<StructDef>) {
        let _ = self.def.set(Arc::downgrade(def));
    }

    pub fn get(&self) -> Option<Arc<StructDef>> {
        self.def.get()?.upgrade()
    }
}

impl PartialEq for RecRef {
    fn eq(&self, other: &RecRef) -> bool {
        self.id == other.id
    }
}

impl Eq for RecRef {}

impl std::hash::Hash for RecRef {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.id.hash(h);
    }
}

impl fmt::Debug for RecRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {} (recursive)", self.name)
    }
}

impl Ty {
    /// Whether `Ty::Recursive` is inside.
    fn mentions_recursive(&self) -> bool {
        match self {
            Ty::Recursive(_) => true,
            Ty::Vec(e)
            | Ty::Array(e, _)
            | Ty::Ref(_, e)
            | Ty::Option(e)
            | Ty::Box(e)
            | Ty::SliceRef(e)
            | Ty::SliceMut(e) => e.mentions_recursive(),
            Ty::Tuple(ts) => ts.iter().any(Ty::mentions_recursive),
            _ => false,
        }
    }

    /// The type with each `Ty::Recursive` replaced by the struct it names (`Ty::Error` if
    /// that struct is gone).
    fn unfold(&self) -> Ty {
        match self {
            Ty::Recursive(r) => r.get().map_or(Ty::Error, Ty::Struct),
            Ty::Vec(e) => Ty::Vec(Box::new(e.unfold())),
            Ty::Array(e, n) => Ty::Array(Box::new(e.unfold()), *n),
            Ty::Ref(m, e) => Ty::Ref(*m, Box::new(e.unfold())),
            Ty::Option(e) => Ty::Option(Box::new(e.unfold())),
            Ty::Box(e) => Ty::Box(Box::new(e.unfold())),
            Ty::SliceRef(e) => Ty::SliceRef(Box::new(e.unfold())),
            Ty::SliceMut(e) => Ty::SliceMut(Box::new(e.unfold())),
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(Ty::unfold).collect()),
            t => t.clone(),
        }
    }
}

impl PartialEq for StructDef {
    fn eq(&self, other: &StructDef) -> bool {
        self.id == other.id
    }
}

impl Eq for StructDef {}

impl std::hash::Hash for StructDef {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.id.hash(h);
    }
}

impl fmt::Debug for StructDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", self.name)
    }
}

/// Lays out fields as rustc does: in declaration order under `#[repr(C)]` (each field at
/// the next offset aligned for it); otherwise rustc may reorder fields, and sorting them by
/// decreasing alignment (stable, so equal alignments keep their order) gives its sizes. The
/// size is rounded up to the largest alignment. `None` if a field has no layout.
pub fn layout_fields(tys: &[Ty], ptr: PtrWidth, repr_c: bool) -> Option<Layout> {
    let parts: Vec<(u32, u32)> = tys
        .iter()
        .map(|t| match t {
            Ty::Unit => Some((0, 1)),
            _ => t.layout(ptr),
        })
        .collect::<Option<_>>()?;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    if !repr_c {
        order.sort_by_key(|&i| std::cmp::Reverse(parts[i].1));
    }
    let mut offsets = vec![0u32; parts.len()];
    let mut off = 0u32;
    let mut align = 1u32;
    for i in order {
        let (size, a) = parts[i];
        off = off.checked_add(a - 1)? / a * a;
        offsets[i] = off;
        off = off.checked_add(size)?;
        align = align.max(a);
    }
    let size = off.checked_add(align - 1)? / align * align;
    Some(Layout {
        size,
        align,
        offsets,
    })
}

/// Marks a drop-glue offset as a `Box` (free the block it points to) rather than a `Vec`.
pub const BOX_DROP: u32 = 1 << 31;

/// Marks a drop-glue entry as an `Option` whose payload owns memory: the low bits index
/// `Program::option_glues`.
pub const OPTION_DROP: u32 = 1 << 30;

/// Marks a drop-glue entry as a `Vec` whose elements own memory: the low bits index
/// `Program::elem_glues` (the Vec's offset, the element size and the element's glue).
pub const ELEMS_DROP: u32 = 1 << 29;

/// Marks a drop-glue entry as a `Box` whose value owns memory: the low bits index
/// `Program::box_glues` (the Box's offset and the value's glue).
pub const BOXED_DROP: u32 = 1 << 28;

/// How to drop an `Option` whose payload owns memory: when it is `Some`, drop the payload at
/// `payload` with glue `glue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionGlue {
    pub off: u32,
    pub disc: Disc,
    pub payload: u32,
    pub glue: u32,
}

/// Where an `Option<T>` keeps whether it is `Some`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disc {
    /// A tag byte at offset 0: 0 for `None`, 1 for `Some`; the payload follows, aligned.
    Tag,
    /// A niche: `None` is the `size`-byte value `value` at `off`, which no `T` can hold
    /// (rustc's niche optimisation: `Option<&T>` is as big as the pointer).
    Niche { off: u32, size: u32, value: u64 },
}

/// The layout of an `Option<T>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionLayout {
    pub size: u32,
    pub align: u32,
    /// Offset of the `T` inside.
    pub payload: u32,
    pub disc: Disc,
}

/// Values a type never holds, as rustc's layouts find them: the bytes at `off` (`size`
/// long) never hold the `count` values from `start` on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Niche {
    pub off: u32,
    pub size: u32,
    pub start: u64,
    pub count: u64,
}

/// The largest niche of a type, as rustc picks it (the one with the most invalid values):
/// `bool` (2..=255), references (the engine's address 0 is `heap[0]`, a real address, so
/// the value no reference holds is the all-ones pointer rather than null; the size is the
/// same as rustc's), a `Vec`'s capacity (above `isize::MAX`, as rustc's `Vec`), a tagged
/// `Option`'s tag byte, and the niches of fields and elements.
pub fn niche(t: &Ty, ptr: PtrWidth) -> Option<Niche> {
    let w = ptr.bytes();
    let all_ones = if w == 8 { u64::MAX } else { u32::MAX as u64 };
    match t {
        Ty::Bool => Some(Niche {
            off: 0,
            size: 1,
            start: 2,
            count: 254,
        }),
        Ty::Ref(..) => Some(Niche {
            off: 0,
            size: w,
            start: all_ones,
            count: 1,
        }),
        Ty::Char => Some(Niche {
            off: 0,
            size: 4,
            start: 0x11_0000,
            count: u32::MAX as u64 - 0x10_FFFF,
        }),
        Ty::StrRef | Ty::Box(_) | Ty::SliceRef(_) | Ty::SliceMut(_) => Some(Niche {
            off: 0,
            size: w,
            start: all_ones,
            count: 1,
        }),
        Ty::Vec(_) | Ty::String => Some(Niche {
            off: 2 * w,
            size: w,
            start: 1u64 << (w * 8 - 1),
            count: 1u64 << (w * 8 - 1),
        }),
        Ty::Struct(_) | Ty::Tuple(_) => {
            let mut best: Option<Niche> = None;
            for (_, ft, off) in t.fields(ptr) {
                if let Some(n) = niche(&ft, ptr) {
                    if best.is_none_or(|b| n.count > b.count) {
                        best = Some(Niche {
                            off: n.off + off,
                            ..n
                        });
                    }
                }
            }
            best
        }
        Ty::Array(e, n) if *n > 0 => niche(e, ptr),
        Ty::Option(_) => {
            let l = option_layout(t, ptr)?;
            match l.disc {
                Disc::Tag => Some(Niche {
                    off: 0,
                    size: 1,
                    start: 2,
                    count: 254,
                }),
                Disc::Niche { off, size, value } => {
                    let inner = match t {
                        Ty::Option(e) => niche(e, ptr)?,
                        _ => return None,
                    };
                    (inner.count > 1).then_some(Niche {
                        off,
                        size,
                        start: value + 1,
                        count: inner.count - 1,
                    })
                }
            }
        }
        _ => None,
    }
}

/// How rustc lays out `Option<T>`: in `T`'s own bytes when `T` has a niche, otherwise a tag
/// byte first and `T` after it at `T`'s alignment.
pub fn option_layout(t: &Ty, ptr: PtrWidth) -> Option<OptionLayout> {
    let Ty::Option(inner) = t else {
        return None;
    };
    let (size, align) = match &**inner {
        Ty::Unit => (0, 1),
        t => t.layout(ptr)?,
    };
    if let Some(n) = niche(inner, ptr) {
        return Some(OptionLayout {
            size,
            align,
            payload: 0,
            disc: Disc::Niche {
                off: n.off,
                size: n.size,
                value: n.start,
            },
        });
    }
    let payload = align;
    Some(OptionLayout {
        size: payload.checked_add(size)?,
        align,
        payload,
        disc: Disc::Tag,
    })
}
