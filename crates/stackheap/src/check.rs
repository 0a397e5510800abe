//! Name resolution and type inference: resolves every path to a local, function or constant,
//! infers every expression's type as rustc would (integer literals default to `i32`), and
//! reports the type errors rustc reports, with its error codes.

use crate::maps::{IdMap, IdSet, SortedMap};
use std::sync::Arc;

use crate::ast::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::format::{parse_template, ArgRef, Piece, Radix};
use crate::settings::PtrWidth;
use crate::span::Span;
use crate::types::{layout_fields, FieldDef, Infer, IntTy, Layout, RecRef, StructDef, Ty};

pub type LocalId = u32;
pub type FnId = u32;

/// What a path expression refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Res {
    Local(LocalId),
    Fn(FnId),
    /// An integer constant such as `i32::MAX`.
    Const(i128),
    VecNew,
    VecWithCapacity,
    Drop,
    /// Manual mode: `alloc(n)`.
    Alloc,
    /// Manual mode: `dealloc(v)` of a Vec or `dealloc(p)` of a heap index.
    Dealloc,
    /// Manual mode: the raw arrays, as in `heap_bytes[i]`.
    HeapBytes,
    StackBytes,
    /// A tuple struct's name called as a function: `Pair(1, 2)`.
    TupleCtor,
    /// A unit struct's name as a value.
    UnitStruct,
    /// `Some(x)`
    SomeCtor,
    /// `None`
    NoneVal,
    StringNew,
    StringFrom,
    /// `Box::new(x)`
    BoxNew,
    StringWithCapacity,
}

/// How a method takes its receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfMode {
    /// `self`: the value is moved or copied into the call.
    Value,
    /// `&self` or `&mut self`: its address is passed.
    Ref { mutable: bool },
    /// `&self` called on a receiver that is already a reference: the pointer is passed on.
    Pass,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Push,
    Len,
    Capacity,
    IsEmpty,
    Abs,
    Pow,
    Min,
    Max,
    WrappingAdd,
    WrappingSub,
    WrappingMul,
    /// `.clone()` of a value whose clone is a copy of its bytes.
    Clone,
    /// `Vec::pop`
    Pop,
    /// `Option::unwrap`
    Unwrap,
    IsSome,
    IsNone,
    /// `.clone()` of a `Vec` or `String`: a new block with a copy of the bytes.
    CloneBuffer,
    /// `String::push_str`
    PushStr,
    /// `String::push` of a `char`
    PushChar,
    /// `str::to_string` (and `to_owned`, `String::from`): a new `String` with the bytes.
    ToString,
    /// `String::as_str`: the pointer and length of the text.
    AsStr,
    /// `str::as_bytes`: a `&[u8]` of the text's bytes.
    AsBytes,
    /// `s.chars().count()`
    CharCount,
    StartsWith,
    EndsWith,
    Contains,
    /// `str::trim`: a `&str` into the same bytes without the whitespace around them.
    Trim,
    /// `str::to_uppercase`, `str::to_lowercase`: a new `String`.
    ToUppercase,
    ToLowercase,
    /// `String::clear`: the length becomes 0; the block stays.
    Clear,
    /// `String::pop`: the last `char`, if any.
    PopChar,
    /// `Option::as_ref` and `Option::as_mut`: a reference to the payload, if any.
    AsRef,
    AsMut,
    /// `Option::take`: the value moves out; `None` is left.
    Take,
    /// `.clone()` of a value that owns memory: each Vec, String and Box inside gets a new
    /// block of its own, with the bytes copied (a Vec's capacity is its length).
    DeepClone,
    /// `first()` and `last()` of a Vec, slice or array: an `Option` of a reference to it.
    First,
    Last,
    /// A `char` method (`len_utf8`, `is_alphabetic`, `to_digit`, ...).
    Char(CharFn),
    /// `swap(i, j)` of a Vec's, slice's or array's elements.
    Swap,
    /// `v.iter().sum()` of a Vec's, slice's or array's integers.
    Sum,
    /// `contains(&x)` of a Vec's, slice's or array's integers, `bool`s or `char`s.
    ContainsElem,
}

/// The `char` methods the engine computes, exactly as the standard library does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharFn {
    LenUtf8,
    IsAlphabetic,
    IsNumeric,
    IsAlphanumeric,
    IsWhitespace,
    IsUppercase,
    IsLowercase,
    IsControl,
    IsAscii,
    IsAsciiAlphabetic,
    IsAsciiUppercase,
    IsAsciiLowercase,
    IsAsciiAlphanumeric,
    IsAsciiDigit,
    IsAsciiHexdigit,
    IsAsciiPunctuation,
    IsAsciiGraphic,
    IsAsciiWhitespace,
    IsAsciiControl,
    ToAsciiUppercase,
    ToAsciiLowercase,
    /// `is_digit(radix)`: a `bool`.
    IsDigit,
    /// `to_digit(radix)`: an `Option<u32>`.
    ToDigit,
}

impl CharFn {
    fn from_name(name: &str) -> Option<CharFn> {
        Some(match name {
            "len_utf8" => CharFn::LenUtf8,
            "is_alphabetic" => CharFn::IsAlphabetic,
            "is_numeric" => CharFn::IsNumeric,
            "is_alphanumeric" => CharFn::IsAlphanumeric,
            "is_whitespace" => CharFn::IsWhitespace,
            "is_uppercase" => CharFn::IsUppercase,
            "is_lowercase" => CharFn::IsLowercase,
            "is_control" => CharFn::IsControl,
            "is_ascii" => CharFn::IsAscii,
            "is_ascii_alphabetic" => CharFn::IsAsciiAlphabetic,
            "is_ascii_uppercase" => CharFn::IsAsciiUppercase,
            "is_ascii_lowercase" => CharFn::IsAsciiLowercase,
            "is_ascii_alphanumeric" => CharFn::IsAsciiAlphanumeric,
            "is_ascii_digit" => CharFn::IsAsciiDigit,
            "is_ascii_hexdigit" => CharFn::IsAsciiHexdigit,
            "is_ascii_punctuation" => CharFn::IsAsciiPunctuation,
            "is_ascii_graphic" => CharFn::IsAsciiGraphic,
            "is_ascii_whitespace" => CharFn::IsAsciiWhitespace,
            "is_ascii_control" => CharFn::IsAsciiControl,
            "to_ascii_uppercase" => CharFn::ToAsciiUppercase,
            "to_ascii_lowercase" => CharFn::ToAsciiLowercase,
            "is_digit" => CharFn::IsDigit,
            "to_digit" => CharFn::ToDigit,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct LocalDecl {
    pub name: String,
    pub ty: Ty,
    pub mutable: bool,
    pub span: Span,
    /// Hidden locals (a `for` loop's range) are not shown as variables.
    pub hidden: bool,
    /// Declared without a value (`let x;`): its first assignment gives it one.
    pub deferred: bool,
}

#[derive(Clone, Debug)]
pub struct FnSig {
    /// The name shown in traces: `area`, or `Point::area` for a function in an `impl`.
    pub name: String,
    pub params: Vec<Ty>,
    pub ret: Ty,
    /// The first parameter is `self` (a method).
    pub has_self: bool,
    /// The parameters whose borrows the returned value keeps (by the signature's lifetimes).
    pub ret_passes: Vec<crate::lifetimes::Passes>,
}

/// Where a format placeholder's value comes from.
#[derive(Clone, Debug)]
pub enum FormatSource {
    Arg(usize),
    /// A name inside the template (`{v}`), with the name's span.
    Local(LocalId, Span),
}

/// Everything later passes need to know about the checked program.
pub struct Checked {
    pub expr_ty: Vec<Ty>,
    pub res: IdMap<Res>,
    pub methods: IdMap<Method>,
    pub sigs: Vec<FnSig>,
    pub locals: Vec<Vec<LocalDecl>>,
    /// The local a `let` (keyed by its initializer's id) or a `for` (keyed by the loop's id)
    /// declares; for `for`, also its hidden range local.
    pub binding: IdMap<LocalId>,
    pub for_range: IdMap<LocalId>,
    /// The locals a destructuring `let` binds (keyed by its initializer's id), or a `match`
    /// arm's pattern binds (keyed by the arm body's id), in the pattern's order.
    pub pat_locals: IdMap<Vec<LocalId>>,
    /// Calls of the program's methods (`p.area()`): the function and how the receiver goes.
    pub method_fns: IdMap<(FnId, SelfMode)>,
    /// Per format expression: its parsed pieces and the source of each placeholder.
    pub formats: IdMap<(Vec<Piece>, Vec<FormatSource>)>,
    pub main: FnId,
    /// Every struct definition: structs of a cycle hold each other weakly, so the program
    /// keeps them all alive.
    pub structs: Vec<Arc<StructDef>>,
    /// References passed as `&str` or a slice (deref coercion: `&String` as `&str`,
    /// `&Vec<T>` as `&[T]`, ...): the pointer and length of what they point to.
    pub coercions: IdSet,
    /// References passed as `&T` that point to a `&T` or a `Box<T>` (`&&T`, `&Box<T>`):
    /// how many pointers to read through.
    pub ref_coercions: IdMap<u32>,
}

struct LoopCtx {
    is_loop: bool,
    break_ty: Ty,
    has_break: bool,
}

struct FnCx {
    id: FnId,
    scopes: Vec<Vec<(String, LocalId)>>,
    loops: Vec<LoopCtx>,
    ret: Ty,
}

struct Checker<'a> {
    infer: Infer,
    diags: Vec<Diagnostic>,
    expr_ty: Vec<Ty>,
    res: IdMap<Res>,
    methods: IdMap<Method>,
    sigs: Vec<FnSig>,
    fn_ids: SortedMap<&'a str, FnId>,
    locals: Vec<Vec<LocalDecl>>,
    binding: IdMap<LocalId>,
    for_range: IdMap<LocalId>,
    pat_locals: IdMap<Vec<LocalId>>,
    formats: IdMap<(Vec<Piece>, Vec<FormatSource>)>,
    /// Format arguments to check once types are known: (expr id, span, spec is debug, radix).
    format_checks: Vec<(Ty, Span, bool, Radix)>,
    /// Vec element types to check once inferred: (element, span, from `vec![x; n]`).
    /// The element type of each `vec!`, its span, and for `vec![x; n]` the span of `x`.
    vec_elem_checks: Vec<(Ty, Span, Option<Span>)>,
    /// `.iter().sum()` calls: the sum's type, the elements' type and the call's span.
    sum_checks: Vec<(Ty, Ty, Span)>,
    /// Integer literals directly under a unary minus.
    negated_literals: Vec<ExprId>,
    negations: Vec<(ExprId, Span)>,
    literals: Vec<(ExprId, u128, Span)>,
    ptr: PtrWidth,
    /// Manual memory mode: `alloc`, `dealloc` and the raw arrays exist.
    manual: bool,
    structs: SortedMap<String, Arc<StructDef>>,
    /// Structs of a cycle named before they are declared (see `Ty::Recursive`).
    rec_slots: SortedMap<String, RecRef>,
    /// Functions in `impl` blocks, by struct and function name.
    assoc: SortedMap<(String, String), FnId>,
    /// The type `Self` stands for, inside an `impl`.
    self_ty: Option<Ty>,
    /// Calls of the program's methods: the function and how the receiver is passed.
    method_fns: IdMap<(FnId, SelfMode)>,
    /// Arguments of type `&String` passed as `&str`.
    coercions: IdSet,
    /// References coerced to the value behind further references or Boxes.
    ref_coercions: IdMap<u32>,
    /// Patterns to check for exhaustiveness once all types are known.
    pattern_checks: Vec<PatternCheck>,
    /// Generic arguments written on paths (`Vec::<i32>::new`), by path expression.
    turbofish: &'a IdMap<(usize, Vec<TypeExpr>)>,
    /// How many lifetime parameters each struct has (`struct Excerpt<'a>`: 1).
    struct_lifetimes: SortedMap<String, usize>,
}

/// Where patterns must cover every value of their type.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PatternPlace {
    Match,
    Let,
    For,
}

/// What a `for` loop binds each turn: a name, or a pattern.
struct ForHead<'p> {
    var: &'p str,
    var_span: Span,
    mutable: bool,
    pat: Option<&'p Pat>,
}

/// The arms of a `match` (each pattern, and whether it has a guard), or the pattern of a
/// `let` or `for`, against the matched type; checked after inference.
struct PatternCheck {
    ty: Ty,
    pats: Vec<(Pat, bool)>,
    span: Span,
    place: PatternPlace,
}

/// Deepest nesting of types inside a struct the engine accepts: values are printed, shown
/// and dropped by walking their types.
const MAX_TYPE_DEPTH: u32 = 64;

fn err(kind: DiagnosticKind, span: Span, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error(kind, span, msg)
}

fn unsupported(span: Span, what: &str) -> Diagnostic {
    err(
        DiagnosticKind::Unsupported,
        span,
        format!("{what} is not supported yet"),
    )
}

pub fn check(file: &File, ptr: PtrWidth, manual: bool) -> (Option<Checked>, Vec<Diagnostic>) {
    let mut c = Checker {
        infer: Infer::default(),
        diags: Vec::new(),
        expr_ty: vec![Ty::Error; file.expr_count as usize],
        res: IdMap::new(),
        methods: IdMap::new(),
        sigs: Vec::new(),
        fn_ids: SortedMap::new(),
        locals: Vec::new(),
        binding: IdMap::new(),
        for_range: IdMap::new(),
        pat_locals: IdMap::new(),
        formats: IdMap::new(),
        format_checks: Vec::new(),
        vec_elem_checks: Vec::new(),
        sum_checks: Vec::new(),
        negated_literals: Vec::new(),
        negations: Vec::new(),
        literals: Vec::new(),
        ptr,
        manual,
        structs: SortedMap::new(),
        rec_slots: SortedMap::new(),
        assoc: SortedMap::new(),
        self_ty: None,
        method_fns: IdMap::new(),
        coercions: Default::default(),
        ref_coercions: IdMap::new(),
        pattern_checks: Vec::new(),
        turbofish: &file.turbofish,
        struct_lifetimes: file
            .structs
            .iter()
            .map(|s| (s.name.clone(), s.lifetimes.len()))
            .collect(),
    };
    c.declare_structs(file);
    for (i, f) in file.functions.iter().enumerate() {
        c.self_ty = None;
        if let Some((owner, span)) = &f.impl_of {
            match c.structs.get(owner.as_str()) {
                Some(d) => c.self_ty = Some(Ty::Struct(d.clone())),
                None => {
                    c.report(
                        DiagnosticKind::Name,
                        *span,
                        "E0412",
                        format!("cannot find type `{owner}` in this scope"),
                    )
                    .add_span_label("not found in this scope");
                }
            }
            let key = (owner.clone(), f.name.clone());
            if !c.assoc.contains_key(&key) {
                c.assoc.insert(key, i as FnId);
            } else {
                c.report(
                    DiagnosticKind::Name,
                    f.name_span,
                    "E0592",
                    format!("duplicate definitions with name `{}`", f.name),
                );
            }
        } else if let Some(&prev) = c.fn_ids.get(f.name.as_str()) {
            let prev_span = file.functions[prev as usize].name_span;
            c.report(
                DiagnosticKind::Name,
                f.name_span,
                "E0428",
                format!("the name `{}` is defined multiple times", f.name),
            )
            .add_span_label(format!("`{}` redefined here", f.name))
            .add_label(
                prev_span,
                format!("previous definition of the value `{}` here", f.name),
            );
        } else {
            c.fn_ids.insert(&f.name, i as FnId);
        }
        let params = f
            .params
            .iter()
            .map(|p| c.type_from_expr(&p.ty, false))
            .collect();
        let ret = match &f.ret {
            Some(t) => c.type_from_expr(t, false),
            None => Ty::Unit,
        };
        let ret_passes =
            crate::lifetimes::signature(f, &f.impl_args, &c.struct_lifetimes, &mut c.diags);
        c.sigs.push(FnSig {
            name: match &f.impl_of {
                Some((owner, _)) => format!("{owner}::{}", f.name),
                None => f.name.clone(),
            },
            params,
            ret,
            has_self: f.params.first().is_some_and(|p| p.name == "self"),
            ret_passes,
        });
    }
    c.self_ty = None;
    let main = c.fn_ids.get("main").copied();
    match main {
        None => {
            c.report(
                DiagnosticKind::Name,
                Span::default(),
                "E0601",
                "`main` function not found in crate",
            )
            .add_note("add `fn main() { ... }`: the program starts there");
        }
        Some(m) => {
            let f = &file.functions[m as usize];
            if !f.params.is_empty() || f.ret.is_some() {
                c.diags.push(unsupported(
                    f.name_span,
                    "a `main` with parameters or a return type",
                ));
            }
        }
    }
    for (i, f) in file.functions.iter().enumerate() {
        c.self_ty = f
            .impl_of
            .as_ref()
            .and_then(|(o, _)| c.structs.get(o.as_str()))
            .map(|d| Ty::Struct(d.clone()));
        c.check_fn(i as FnId, f);
    }
    c.finish();
    let failed = c.diags.iter().any(Diagnostic::is_error);
    let diags = std::mem::take(&mut c.diags);
    if failed {
        return (None, diags);
    }
    let checked = Checked {
        expr_ty: c.expr_ty,
        res: c.res,
        methods: c.methods,
        sigs: c.sigs,
        locals: c.locals,
        binding: c.binding,
        for_range: c.for_range,
        pat_locals: c.pat_locals,
        method_fns: c.method_fns,
        coercions: c.coercions,
        ref_coercions: c.ref_coercions,
        formats: c.formats,
        main: main.unwrap_or(0),
        structs: c.structs.values().cloned().collect(),
    };
    (Some(checked), diags)
}

/// Struct names a written type mentions (directly, not through a `Vec`).
/// The structs a type holds inline (not behind a `Box`, `Vec` or reference).
fn struct_deps_direct<'t>(t: &'t TypeExpr, out: &mut Vec<&'t str>) {
    match &t.kind {
        TypeExprKind::Path(name, args) if args.is_empty() => out.push(name),
        TypeExprKind::Path(name, args) if name == "Option" => {
            args.iter().for_each(|t| struct_deps_direct(t, out))
        }
        TypeExprKind::Tuple(ts) => ts.iter().for_each(|t| struct_deps_direct(t, out)),
        TypeExprKind::Array(e, _) => struct_deps_direct(e, out),
        _ => {}
    }
}

fn struct_deps<'t>(t: &'t TypeExpr, out: &mut Vec<&'t str>) {
    match &t.kind {
        TypeExprKind::Path(name, args) if args.is_empty() => out.push(name),
        TypeExprKind::Path(_, args) => args.iter().for_each(|t| struct_deps(t, out)),
        TypeExprKind::Ref(_, t) | TypeExprKind::Slice(t) => struct_deps(t, out),
        TypeExprKind::Tuple(ts) => ts.iter().for_each(|t| struct_deps(t, out)),
        TypeExprKind::Array(e, _) => struct_deps(e, out),
        _ => {}
    }
}

impl<'a> Checker<'a> {
    /// Builds every struct's definition and layouts, fields' structs first; reports
    /// duplicate names, recursive structs and derives rustc rejects.
    fn declare_structs(&mut self, file: &File) {
        let mut pending: Vec<&StructItem> = Vec::new();
        for st in &file.structs {
            if pending.iter().any(|p| p.name == st.name) {
                self.report(
                    DiagnosticKind::Name,
                    st.name_span,
                    "E0428",
                    format!("the name `{}` is defined multiple times", st.name),
                );
                continue;
            }
            pending.push(st);
        }
        let names: Vec<String> = pending.iter().map(|p| p.name.clone()).collect();
        while !pending.is_empty() {
            let ready = pending.iter().position(|st| {
                let mut deps = Vec::new();
                for (_, t, _) in &st.fields {
                    struct_deps(t, &mut deps);
                }
                deps.iter()
                    .all(|d| !names.iter().any(|n| n == d) || self.structs.contains_key(*d))
            });
            let Some(i) = ready else {
                // Stuck: structs that contain themselves directly are E0072; the others
                // reach each other only through a `Box` or `Vec` (a linked list's `Node`).
                let mut left: Vec<&StructItem> = pending.clone();
                let mut first_free = None;
                loop {
                    let names_left: Vec<&str> = left.iter().map(|st| st.name.as_str()).collect();
                    let free = left.iter().position(|st| {
                        let mut deps = Vec::new();
                        for (_, t, _) in &st.fields {
                            struct_deps_direct(t, &mut deps);
                        }
                        deps.iter().all(|d| !names_left.contains(d))
                    });
                    match free {
                        Some(i) => {
                            first_free.get_or_insert(left[i].name.as_str());
                            left.remove(i);
                        }
                        None => break,
                    }
                }
                if !left.is_empty() {
                    for st in left {
                        self.report(
                            DiagnosticKind::Type,
                            st.head_span,
                            "E0072",
                            format!("recursive type `{}` has infinite size", st.name),
                        )
                        .add_note("a struct cannot contain itself; put the inner one in a `Box`");
                    }
                    return;
                }
                // A struct that holds the others of its cycle only behind a Box or a Vec:
                // declared first, naming them (and itself) as `Ty::Recursive`.
                for st in &pending {
                    let id = self.struct_id(file, &st.name);
                    self.rec_slots
                        .entry(st.name.clone())
                        .or_insert_with(|| RecRef::new(id, st.name.clone()));
                }
                let i = pending
                    .iter()
                    .position(|st| Some(st.name.as_str()) == first_free)
                    .unwrap_or(0);
                let st = pending.remove(i);
                self.declare_struct(file, st);
                continue;
            };
            let st = pending.remove(i);
            self.declare_struct(file, st);
        }
    }

    /// A struct's number: its place among the program's structs.
    fn struct_id(&self, file: &File, name: &str) -> u32 {
        file.structs
            .iter()
            .position(|s| s.name == name)
            .unwrap_or(file.structs.len()) as u32
    }

    fn declare_struct(&mut self, file: &File, st: &StructItem) {
        for (_, t, _) in &st.fields {
            crate::lifetimes::check_struct_field(
                t,
                &st.lifetimes,
                &self.struct_lifetimes,
                &mut self.diags,
            );
        }
        let fields: Vec<FieldDef> = st
            .fields
            .iter()
            .map(|(name, t, _)| FieldDef {
                name: name.clone(),
                ty: self.type_from_expr(t, false),
            })
            .collect();
        let has = |n: &str| st.derives.iter().any(|d| d.0 == n);
        let mut copy = has("Copy");
        if copy {
            if let Some((_, _, span)) = st
                .fields
                .iter()
                .zip(&fields)
                .find(|(_, f)| !f.ty.is_copy())
                .map(|(f, _)| f)
            {
                self.report(
                    DiagnosticKind::Type,
                    st.name_span,
                    "E0204",
                    "the trait `Copy` cannot be implemented for this type",
                )
                .add_label(*span, "this field does not implement `Copy`");
                copy = false;
            }
        }
        if has("Clone") {
            if let Some(((_, _, span), name)) = st
                .fields
                .iter()
                .zip(&fields)
                .find_map(|(f, d)| not_clone(&d.ty).map(|n| (f, n)))
            {
                self.report(
                    DiagnosticKind::Type,
                    *span,
                    "E0277",
                    format!("the trait bound `{name}: Clone` is not satisfied"),
                )
                .add_span_label(format!("the trait `Clone` is not implemented for `{name}`"));
            }
        }
        let mut fields = fields;
        let mut depth = 1 + fields.iter().map(|f| f.ty.depth()).max().unwrap_or(0);
        if depth > MAX_TYPE_DEPTH {
            self.diags.push(unsupported(
                st.name_span,
                &format!("a struct whose types nest more than {MAX_TYPE_DEPTH} levels deep"),
            ));
            // Declared without fields, so structs that use it are checked on.
            fields = Vec::new();
            depth = 1;
        }
        let tys: Vec<Ty> = fields.iter().map(|f| f.ty.clone()).collect();
        let lay = |ptr| {
            layout_fields(&tys, ptr, st.repr_c).unwrap_or(Layout {
                size: 0,
                align: 1,
                offsets: vec![0; tys.len()],
            })
        };
        let def = Arc::new(StructDef::new(
            self.struct_id(file, &st.name),
            st.name.clone(),
            st.kind,
            fields,
            [has("Debug"), copy, has("Clone"), has("PartialEq")],
            tys.iter().any(Ty::needs_drop),
            depth,
            [lay(PtrWidth::W32), lay(PtrWidth::W64)],
        ));
        if let Some(slot) = self.rec_slots.get(&st.name) {
            slot.fill(&def);
        }
        self.structs.insert(st.name.clone(), def);
    }

    fn type_from_expr(&mut self, t: &TypeExpr, allow_infer: bool) -> Ty {
        match &t.kind {
            TypeExprKind::Unit => Ty::Unit,
            TypeExprKind::Error => Ty::Error,
            TypeExprKind::Ref(false, inner) if matches!(&inner.kind, TypeExprKind::Path(n, a) if n == "str" && a.is_empty()) => {
                Ty::StrRef
            }
            TypeExprKind::Ref(m, inner) if matches!(&inner.kind, TypeExprKind::Slice(_)) => {
                let TypeExprKind::Slice(e) = &inner.kind else {
                    return Ty::Error;
                };
                let elem = Box::new(self.type_from_expr(e, allow_infer));
                if *m {
                    Ty::SliceMut(elem)
                } else {
                    Ty::SliceRef(elem)
                }
            }
            TypeExprKind::Slice(_) => {
                self.diags
                    .push(unsupported(t.span, "a slice type other than `&[T]`"));
                Ty::Error
            }
            TypeExprKind::Ref(m, inner) => {
                Ty::Ref(*m, Box::new(self.type_from_expr(inner, allow_infer)))
            }
            TypeExprKind::Tuple(ts) => Ty::Tuple(
                ts.iter()
                    .map(|t| self.type_from_expr(t, allow_infer))
                    .collect(),
            ),
            TypeExprKind::Array(e, n) => {
                Ty::Array(Box::new(self.type_from_expr(e, allow_infer)), *n)
            }
            TypeExprKind::Infer => {
                if allow_infer {
                    self.infer.fresh()
                } else {
                    self.report(
                        DiagnosticKind::Type,
                        t.span,
                        "E0121",
                        "the placeholder `_` is not allowed within types on item signatures",
                    );
                    Ty::Error
                }
            }
            TypeExprKind::Path(name, args) => {
                let name = name.strip_prefix("std::vec::").unwrap_or(name);
                if let Some(i) = IntTy::from_name(name) {
                    if args.is_empty() {
                        return Ty::Int(i);
                    }
                }
                if let Some(d) = self.structs.get(name) {
                    if args.is_empty() {
                        return Ty::Struct(d.clone());
                    }
                }
                if let Some(r) = self.rec_slots.get(name) {
                    if args.is_empty() {
                        return Ty::Recursive(r.clone());
                    }
                }
                if name == "Self" && args.is_empty() {
                    if let Some(t) = &self.self_ty {
                        return t.clone();
                    }
                    self.report(
                        DiagnosticKind::Name,
                        t.span,
                        "E0411",
                        "cannot find type `Self` in this scope",
                    )
                    .add_span_label(
                        "`Self` is only available in impls, traits, and type definitions",
                    );
                    return Ty::Error;
                }
                match (name, args.len()) {
                    ("bool", 0) => Ty::Bool,
                    ("char", 0) => Ty::Char,
                    ("String", 0) => Ty::String,
                    ("Vec", 1) => {
                        let e = self.type_from_expr(&args[0], allow_infer);
                        if vec_elem_error(&e, self.ptr).is_some() {
                            self.diags
                                .push(unsupported(args[0].span, &format!("a `Vec` of `{e}`")));
                            return Ty::Error;
                        }
                        Ty::Vec(Box::new(e))
                    }
                    ("Box", 1) => {
                        let e = self.type_from_expr(&args[0], allow_infer);
                        Ty::Box(Box::new(e))
                    }
                    ("Option", 1) => {
                        let e = self.type_from_expr(&args[0], allow_infer);
                        Ty::Option(Box::new(e))
                    }
                    ("Vec", n) => {
                        self.report(
                            DiagnosticKind::Type,
                            t.span,
                            "E0107",
                            format!("`Vec` takes 1 generic argument but {n} were supplied"),
                        );
                        Ty::Error
                    }
                    ("f32" | "f64" | "str" | "Result" | "HashMap", _) => {
                        self.diags
                            .push(unsupported(t.span, &format!("the type `{name}`")));
                        Ty::Error
                    }
                    _ => {
                        self.report(
                            DiagnosticKind::Name,
                            t.span,
                            "E0412",
                            format!("cannot find type `{name}` in this scope"),
                        )
                        .add_span_label("not found in this scope");
                        Ty::Error
                    }
                }
            }
        }
    }

    fn describe(&self, t: &Ty) -> String {
        self.infer.describe(t)
    }

    /// Reports an error with rustc's error code for it; labels and notes go on the
    /// diagnostic returned.
    fn report(
        &mut self,
        kind: DiagnosticKind,
        span: Span,
        code: &str,
        msg: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report_message(kind, span, code, msg.into())
    }

    /// [`Self::report`] past the conversion of its message: one copy of the code for every
    /// call site.
    #[inline(never)]
    fn report_message(
        &mut self,
        kind: DiagnosticKind,
        span: Span,
        code: &str,
        msg: String,
    ) -> &mut Diagnostic {
        let at = self.diags.len();
        self.diags.push(err(kind, span, msg).with_code(code));
        &mut self.diags[at]
    }

    fn mismatch(&mut self, span: Span, expected: &Ty, found: &Ty) {
        self.incompatible(span, "mismatched types", expected, found);
    }

    /// Reports two types that had to agree (E0308): `msg`, labelled with what was expected
    /// and what was found.
    fn incompatible(
        &mut self,
        span: Span,
        msg: &str,
        expected: &Ty,
        found: &Ty,
    ) -> &mut Diagnostic {
        let (e, f) = (self.describe(expected), self.describe(found));
        self.report(DiagnosticKind::Type, span, "E0308", msg)
            .add_span_label(format!("expected `{e}`, found `{f}`"))
    }

    /// Unifies `found` (the type of the expression at `span`) with `expected`.
    fn expect(&mut self, span: Span, found: &Ty, expected: &Ty) {
        if self.infer.unify(found, expected).is_err() {
            self.mismatch(span, expected, found);
        }
    }

    /// An expression of type `found` where `expected` is wanted (an argument, an annotated
    /// `let`, a field, a returned value): unified, or coerced as rustc coerces references
    /// (see [`Checker::coerce`]).
    fn expect_arg(&mut self, a: &Expr, found: &Ty, expected: &Ty) {
        if !self.coerce(a, found, expected) {
            self.expect(a.span, found, expected);
        }
    }

    /// Deref coercion of a reference: `&String` (or `&&str`) to `&str`; `&Vec<T>` or
    /// `&[T; N]` to `&[T]` (`&mut Vec<T>` to `&mut [T]`); `&Box<T>` and `&&T` to `&T`;
    /// `&mut T` to `&T`; through any number of references and Boxes. Records the coercion
    /// for code generation and returns whether there was one.
    fn coerce(&mut self, a: &Expr, found: &Ty, expected: &Ty) -> bool {
        let Ty::Ref(fm, pointee) = self.infer.resolve(found) else {
            return false;
        };
        let want = self.infer.resolve(expected);
        // The pointee, then what it points to through each further reference or Box.
        let mut levels = vec![(*pointee).clone()];
        while let Some(Ty::Ref(_, t) | Ty::Box(t)) = levels.last().cloned() {
            levels.push(*t);
        }
        match &want {
            Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_) => {
                let mutable = matches!(want, Ty::SliceMut(_));
                // A `&mut [T]` needs `&mut` all the way (Boxes are as mutable as their owner).
                let writable =
                    |n: usize| fm && levels[..n].iter().all(|t| !matches!(t, Ty::Ref(false, _)));
                for (n, t) in levels.iter().enumerate() {
                    let elem = match (&want, t) {
                        (Ty::StrRef, Ty::String | Ty::StrRef) => None,
                        (Ty::SliceRef(_), Ty::Vec(x) | Ty::Array(x, _) | Ty::SliceRef(x))
                        | (Ty::SliceMut(_), Ty::Vec(x) | Ty::Array(x, _) | Ty::SliceMut(x)) => {
                            Some((**x).clone())
                        }
                        _ => continue,
                    };
                    if mutable && !writable(n) {
                        return false;
                    }
                    if let (Some(x), Ty::SliceRef(e) | Ty::SliceMut(e)) = (elem, &want) {
                        self.expect(a.span, &x, e);
                    }
                    self.coercions.insert(a.id);
                    return true;
                }
                false
            }
            Ty::Ref(wm, target) => {
                if *wm && !fm {
                    return false;
                }
                // Through as few levels as make the types agree (none: only `&mut` to `&`).
                for (n, t) in levels.iter().enumerate() {
                    let same_head = std::mem::discriminant(t) == std::mem::discriminant(&**target)
                        || matches!(**target, Ty::Var(_))
                        || matches!(**target, Ty::Int(_)) && self.infer.is_int_var(t);
                    if !same_head {
                        if *wm && matches!(t, Ty::Ref(false, _)) {
                            return false;
                        }
                        continue;
                    }
                    if n == 0 && fm == *wm {
                        return false;
                    }
                    if self.infer.unify(t, target).is_err() {
                        return false;
                    }
                    if n > 0 {
                        self.ref_coercions.insert(a.id, n as u32);
                    }
                    return true;
                }
                false
            }
            _ => false,
        }
    }

    fn check_fn(&mut self, id: FnId, f: &Function) {
        let sig = self.sigs[id as usize].clone();
        let mut cx = FnCx {
            id,
            scopes: vec![Vec::new()],
            loops: Vec::new(),
            ret: sig.ret.clone(),
        };
        self.locals.push(Vec::new());
        for (p, ty) in f.params.iter().zip(&sig.params) {
            let l = self.declare(&mut cx, &p.name, ty.clone(), p.mutable, p.span, false);
            let _ = l;
        }
        let body_ty = self.check_block(&mut cx, &f.body);
        let span = f.body.tail.as_ref().map(|t| t.span).unwrap_or(f.body.span);
        let coerced = f
            .body
            .tail
            .as_ref()
            .is_some_and(|t| self.coerce(t, &body_ty, &sig.ret));
        if !coerced && self.infer.unify(&body_ty, &sig.ret).is_err() {
            let d = self.incompatible(span, "mismatched types", &sig.ret, &body_ty);
            if f.body.tail.is_none() {
                d.add_label(
                    f.name_span,
                    "implicitly returns `()` as its body has no tail or `return` expression",
                )
                .add_note("a function's value is its last expression, written without a `;`");
            }
        }
    }

    fn declare(
        &mut self,
        cx: &mut FnCx,
        name: &str,
        ty: Ty,
        mutable: bool,
        span: Span,
        hidden: bool,
    ) -> LocalId {
        let locals = &mut self.locals[cx.id as usize];
        locals.push(LocalDecl {
            name: name.to_string(),
            ty,
            mutable,
            span,
            hidden,
            deferred: false,
        });
        let id = locals.len() as LocalId - 1;
        if let Some(scope) = cx.scopes.last_mut() {
            scope.push((name.to_string(), id));
        }
        id
    }

    fn lookup(&self, cx: &FnCx, name: &str) -> Option<LocalId> {
        if name == "_" {
            return None;
        }
        cx.scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }

    fn local(&self, cx: &FnCx, id: LocalId) -> &LocalDecl {
        &self.locals[cx.id as usize][id as usize]
    }

    fn check_block(&mut self, cx: &mut FnCx, b: &Block) -> Ty {
        cx.scopes.push(Vec::new());
        let mut diverges = false;
        for s in &b.stmts {
            match s {
                Stmt::Let {
                    name,
                    name_span,
                    mutable,
                    ty,
                    init,
                    ..
                } => {
                    let declared = ty.as_ref().map(|t| self.type_from_expr(t, true));
                    let t = self.check_expr(cx, init);
                    if let Some(d) = &declared {
                        // `let s: &[u8] = &array;` and `let s: &str = &string;` coerce.
                        self.expect_arg(init, &t, d);
                    }
                    if matches!(self.infer.head(&t), Ty::Never) {
                        diverges = true;
                    }
                    let lt = declared.unwrap_or(t);
                    if matches!(self.infer.head(&lt), Ty::Unit) && name != "_" {
                        self.diags
                            .push(unsupported(*name_span, "a variable of type `()`"));
                    }
                    let id = self.declare(cx, name, lt, *mutable, *name_span, false);
                    self.binding.insert(init.id, id);
                }
                Stmt::Decl {
                    id,
                    name,
                    name_span,
                    mutable,
                    ty,
                    ..
                } => {
                    let t = match ty {
                        Some(t) => self.type_from_expr(t, true),
                        None => self.infer.fresh(),
                    };
                    if matches!(self.infer.head(&t), Ty::Unit) {
                        self.diags
                            .push(unsupported(*name_span, "a variable of type `()`"));
                    }
                    let l = self.declare(cx, name, t, *mutable, *name_span, false);
                    self.locals[cx.id as usize][l as usize].deferred = true;
                    self.binding.insert(*id, l);
                }
                Stmt::LetPat { pat, ty, init, .. } => {
                    let declared = ty.as_ref().map(|t| self.type_from_expr(t, true));
                    let t = self.check_expr(cx, init);
                    if let Some(d) = &declared {
                        self.expect(init.span, &t, d);
                    }
                    if matches!(self.infer.head(&t), Ty::Never) {
                        diverges = true;
                    }
                    let lt = declared.unwrap_or(t);
                    let mut ids = Vec::new();
                    self.check_ref_mut_names(cx, pat, init);
                    self.bind_pat(cx, pat, &lt, &mut ids);
                    self.pat_locals.insert(init.id, ids);
                    self.pattern_checks.push(PatternCheck {
                        ty: lt,
                        pats: vec![(pat.clone(), false)],
                        span: pat.span(),
                        place: PatternPlace::Let,
                    });
                }
                Stmt::Expr { expr, semi } => {
                    let t = self.check_expr(cx, expr);
                    let t = self.infer.shallow(&t);
                    if matches!(t, Ty::Never) {
                        diverges = true;
                    }
                    if !semi && !matches!(t, Ty::Unit | Ty::Never | Ty::Error) {
                        self.incompatible(expr.span, "mismatched types", &Ty::Unit, &t)
                            .add_note("add a `;` after this expression to discard its value");
                    }
                }
            }
        }
        let t = match &b.tail {
            Some(e) => self.check_expr(cx, e),
            None if diverges => Ty::Never,
            None => Ty::Unit,
        };
        cx.scopes.pop();
        t
    }

    /// Declares the names a pattern binds, matching it against `t`; reports patterns that
    /// do not fit the type.
    fn bind_pat(&mut self, cx: &mut FnCx, pat: &Pat, t: &Ty, ids: &mut Vec<LocalId>) {
        self.bind_pat_in(cx, pat, t, ids, None);
    }

    /// [`Self::bind_pat`] with a binding mode: `None` binds by value, `Some(mutable)` by
    /// reference. A pattern that is not a binding, against a reference, matches what the
    /// reference points to and binds by reference from there on (match ergonomics), so
    /// `Some(x)` against `&Option<T>` binds `x: &T`.
    fn bind_pat_in(
        &mut self,
        cx: &mut FnCx,
        pat: &Pat,
        t: &Ty,
        ids: &mut Vec<LocalId>,
        mode: Option<bool>,
    ) {
        let binding = match pat {
            Pat::Wild(_) | Pat::Ref(..) => true,
            Pat::Bind { name, .. } => {
                name != "None"
                    && !self
                        .structs
                        .get(name)
                        .is_some_and(|d| d.kind == crate::types::StructKind::Unit)
            }
            _ => false,
        };
        if !binding {
            if let Ty::Ref(m, inner) = self.infer.shallow(t) {
                let mode = Some(mode != Some(false) && m);
                return self.bind_pat_in(cx, pat, &inner, ids, mode);
            }
        }
        match pat {
            Pat::Bind { name, span, .. }
                if name == "None" && matches!(self.infer.head(t), Ty::Option(_) | Ty::Var(_)) =>
            {
                let inner = self.infer.fresh();
                self.expect(*span, &Ty::Option(Box::new(inner)), t);
            }
            Pat::Bind { name, span, .. }
                if self
                    .structs
                    .get(name)
                    .is_some_and(|d| d.kind == crate::types::StructKind::Unit) =>
            {
                // A unit struct's name is its one value, not a new binding.
                let d = self.structs[name].clone();
                self.expect(*span, &Ty::Struct(d), t);
            }
            Pat::Bind {
                name,
                span,
                mutable,
                by_ref,
            } => {
                // `mut x` binds by value (edition 2021), whatever the mode; `ref x` and
                // `ref mut x` by reference.
                let bt = match (by_ref, mode) {
                    (Some(m), _) => Ty::Ref(*m, Box::new(t.clone())),
                    (None, Some(m)) if !*mutable => Ty::Ref(m, Box::new(t.clone())),
                    _ => t.clone(),
                };
                let id = self.declare(cx, name, bt, *mutable, *span, false);
                ids.push(id);
            }
            Pat::Wild(_) => {}
            Pat::Ref(inner, span) => match self.infer.shallow(t) {
                // `&p` takes what the reference points to, by value from there on.
                Ty::Ref(false, pointee) => self.bind_pat_in(cx, inner, &pointee, ids, None),
                Ty::Error => {}
                other => {
                    let d = self.describe(&other);
                    self.report(DiagnosticKind::Type, *span, "E0308", "mismatched types")
                        .add_span_label(format!("expected `{d}`, found `&_`"));
                }
            },
            Pat::Lit {
                span,
                is_char: true,
                ..
            }
            | Pat::Range {
                span,
                is_char: true,
                ..
            } => self.expect(*span, &Ty::Char, t),
            Pat::Lit { span, .. } | Pat::Range { span, .. } => {
                let it = self.infer.fresh_int();
                self.expect(*span, &it, t);
            }
            Pat::Bool(_, span) => self.expect(*span, &Ty::Bool, t),
            Pat::Str(_, span) => self.expect(*span, &Ty::StrRef, t),
            Pat::Or(alts, span) => {
                let before = ids.len();
                for a in alts {
                    self.bind_pat_in(cx, a, t, ids, mode);
                }
                if ids.len() > before {
                    self.diags
                        .push(unsupported(*span, "binding names inside a `|` pattern"));
                }
            }
            Pat::TupleStruct {
                name,
                name_span,
                items,
                ..
            } if name == "Some" && !self.structs.contains_key("Some") => {
                let inner = self.infer.fresh();
                self.expect(*name_span, &Ty::Option(Box::new(inner.clone())), t);
                if items.len() != 1 {
                    self.report(DiagnosticKind::Type, *name_span, "E0023", format!(
                                "this pattern has {} fields, but the corresponding tuple variant has 1 field",
                                items.len()
                            ));
                    return;
                }
                self.bind_pat_in(cx, &items[0], &inner, ids, mode);
            }
            Pat::Tuple(items, span) => {
                let s = self.infer.shallow(t);
                let ts = match s {
                    Ty::Tuple(ts) if ts.len() == items.len() => ts,
                    Ty::Var(_) if !self.infer.is_int_var(&s) => {
                        let ts: Vec<Ty> = items.iter().map(|_| self.infer.fresh()).collect();
                        let _ = self.infer.unify(&s, &Ty::Tuple(ts.clone()));
                        ts
                    }
                    Ty::Error => vec![Ty::Error; items.len()],
                    other => {
                        let found: Vec<&str> = items.iter().map(|_| "_").collect();
                        let d = self.describe(&other);
                        self.report(DiagnosticKind::Type, *span, "E0308", "mismatched types")
                            .add_span_label(format!(
                                "expected `{d}`, found `({})`",
                                found.join(", ")
                            ));
                        vec![Ty::Error; items.len()]
                    }
                };
                for (p, t) in items.iter().zip(ts) {
                    self.bind_pat_in(cx, p, &t, ids, mode);
                }
            }
            Pat::Struct {
                name,
                name_span,
                fields,
                rest,
                ..
            } => {
                let Some(def) = self.pat_struct(name, *name_span, t) else {
                    return;
                };
                let mut seen = Vec::new();
                for (fname, fspan, p) in fields {
                    match def.field(fname) {
                        Some((_, f)) => {
                            seen.push(fname.as_str());
                            let ft = f.ty.clone();
                            self.bind_pat_in(cx, p, &ft, ids, mode);
                        }
                        None => {
                            self.report(
                                DiagnosticKind::Type,
                                *fspan,
                                "E0026",
                                format!("struct `{name}` does not have a field named `{fname}`"),
                            );
                        }
                    }
                }
                if !rest {
                    if let Some(f) = def
                        .fields()
                        .iter()
                        .find(|f| !seen.contains(&f.name.as_str()))
                    {
                        self.report(
                            DiagnosticKind::Type,
                            *name_span,
                            "E0027",
                            format!("pattern does not mention field `{}`", f.name),
                        );
                    }
                }
            }
            Pat::TupleStruct {
                name,
                name_span,
                items,
                ..
            } => {
                let Some(def) = self.pat_struct(name, *name_span, t) else {
                    return;
                };
                if def.fields().len() != items.len() {
                    self.report(DiagnosticKind::Type, *name_span, "E0023", format!(
                                "this pattern has {} fields, but the corresponding tuple struct has {} fields",
                                items.len(),
                                def.fields().len()
                            ));
                    return;
                }
                for (p, f) in items.iter().zip(def.fields().iter()) {
                    let ft = f.ty.clone();
                    self.bind_pat_in(cx, p, &ft, ids, mode);
                }
            }
        }
    }

    /// `match`: each arm's pattern against the scrutinee's type, its guard, and its body,
    /// whose types must agree; the arms must cover every value (E0004).
    fn check_match(&mut self, cx: &mut FnCx, e: &Expr, scrutinee: &Expr, arms: &[Arm]) -> Ty {
        let st = self.check_expr(cx, scrutinee);
        let mut result = Ty::Never;
        for arm in arms {
            cx.scopes.push(Vec::new());
            let mut ids = Vec::new();
            self.check_ref_mut_names(cx, &arm.pat, scrutinee);
            self.bind_pat(cx, &arm.pat, &st, &mut ids);
            self.pat_locals.insert(arm.body.id, ids);
            if let Some(g) = &arm.guard {
                let gt = self.check_expr(cx, g);
                self.expect(g.span, &gt, &Ty::Bool);
            }
            let at = self.check_expr(cx, &arm.body);
            cx.scopes.pop();
            if matches!(self.infer.head(&result), Ty::Never) {
                result = at;
            } else if self.infer.unify(&result, &at).is_err() {
                let msg = "`match` arms have incompatible types";
                self.incompatible(arm.body.span, msg, &result, &at);
            }
        }
        self.pattern_checks.push(PatternCheck {
            ty: st,
            pats: arms
                .iter()
                .map(|a| (a.pat.clone(), a.guard.is_some()))
                .collect(),
            span: scrutinee.span,
            place: PatternPlace::Match,
        });
        let _ = e;
        result
    }

    /// Matches that miss values (E0004), and `let` and `for` patterns that can fail (E0005),
    /// with what they miss as rustc names it.
    fn check_patterns(&mut self) {
        for pc in std::mem::take(&mut self.pattern_checks) {
            let t = self.infer.resolve(&pc.ty);
            if has_var(&t) || matches!(t, Ty::Error) {
                continue;
            }
            let arms: Vec<(&Pat, bool)> = pc.pats.iter().map(|(p, g)| (p, *g)).collect();
            let missing = match crate::exhaustive::uncovered(&t, &arms, self.ptr) {
                Ok(m) => m,
                Err(()) => {
                    self.diags.push(unsupported(
                        pc.span,
                        "a `match` with this many patterns to check",
                    ));
                    continue;
                }
            };
            if missing.is_empty() {
                continue;
            }
            let list = crate::exhaustive::joined(&missing);
            let s = if missing.len() == 1 { "" } else { "s" };
            let (msg, code) = match pc.place {
                PatternPlace::Match => (
                    format!("non-exhaustive patterns: {list} not covered"),
                    "E0004",
                ),
                PatternPlace::Let => ("refutable pattern in local binding".to_string(), "E0005"),
                PatternPlace::For => (
                    "refutable pattern in `for` loop binding".to_string(),
                    "E0005",
                ),
            };
            let shown = self.describe(&t);
            self.report(DiagnosticKind::Type, pc.span, code, msg)
                .add_span_label(format!("pattern{s} {list} not covered"))
                .add_note(format!("the matched value is of type `{shown}`"));
        }
    }

    /// The struct called `name`, or the one `Self` stands for.
    fn struct_named(&self, name: &str) -> Option<Arc<StructDef>> {
        if name == "Self" {
            return match &self.self_ty {
                Some(Ty::Struct(d)) => Some(d.clone()),
                _ => None,
            };
        }
        self.structs.get(name).cloned()
    }

    /// The struct a struct pattern names, unified with the matched type.
    fn pat_struct(&mut self, name: &str, span: Span, t: &Ty) -> Option<Arc<StructDef>> {
        let Some(def) = self.struct_named(name) else {
            self.report(
                DiagnosticKind::Name,
                span,
                "E0422",
                format!("cannot find struct, variant or union type `{name}` in this scope"),
            );
            return None;
        };
        self.expect(span, t, &Ty::Struct(def.clone()));
        Some(def)
    }

    fn set(&mut self, e: &Expr, t: Ty) -> Ty {
        self.expr_ty[e.id as usize] = t.clone();
        t
    }

    fn check_expr(&mut self, cx: &mut FnCx, e: &Expr) -> Ty {
        let t = self.check_expr_inner(cx, e);
        self.set(e, t)
    }

    fn is_int_like(&self, t: &Ty) -> bool {
        matches!(self.infer.head(t), Ty::Int(_)) || self.infer.is_int_var(t)
    }

    fn check_expr_inner(&mut self, cx: &mut FnCx, e: &Expr) -> Ty {
        match &e.kind {
            ExprKind::Match { scrutinee, arms } => self.check_match(cx, e, scrutinee, arms),
            ExprKind::OpenRange { .. } => {
                self.diags.push(unsupported(
                    e.span,
                    "a range without a start or an end outside `&v[..]`",
                ));
                Ty::Error
            }
            ExprKind::Str(_) => Ty::StrRef,
            ExprKind::ByteStr(bytes) => Ty::Ref(
                false,
                Box::new(Ty::Array(Box::new(Ty::Int(IntTy::U8)), bytes.len() as u64)),
            ),
            ExprKind::Char(_) => Ty::Char,
            ExprKind::Error => Ty::Error,
            ExprKind::Int { value, suffix } => {
                self.literals.push((e.id, *value, e.span));
                match suffix {
                    None => self.infer.fresh_int(),
                    Some((s, sp)) => match IntTy::from_name(s) {
                        Some(i) => Ty::Int(i),
                        None => {
                            self.diags.push(
                                err(
                                    DiagnosticKind::Syntax,
                                    *sp,
                                    format!("invalid suffix `{s}` for number literal"),
                                )
                                .with_note("the suffix must be one of the integer types (`u32`, `isize`, etc)"),
                            );
                            Ty::Error
                        }
                    },
                }
            }
            ExprKind::Bool(_) => Ty::Bool,
            ExprKind::Path(segs) => self.check_path(cx, e, segs),
            ExprKind::Unary(op, inner) => {
                if *op == UnOp::Neg {
                    if let ExprKind::Int { .. } = inner.kind {
                        self.negated_literals.push(inner.id);
                    }
                }
                let t = self.check_expr(cx, inner);
                let s = self.infer.shallow(&t);
                match (op, &s) {
                    (_, Ty::Error) => Ty::Error,
                    (UnOp::Not, Ty::Bool) => Ty::Bool,
                    (UnOp::Not, _) if self.is_int_like(&s) => t,
                    (UnOp::Neg, Ty::Int(i)) if !i.signed() => {
                        self.report(
                            DiagnosticKind::Type,
                            e.span,
                            "E0600",
                            format!("cannot apply unary operator `-` to type `{}`", i.name()),
                        )
                        .add_span_label("cannot apply unary operator `-`")
                        .add_note("unsigned values cannot be negated");
                        Ty::Error
                    }
                    (UnOp::Neg, _) if self.is_int_like(&s) => {
                        self.negations.push((e.id, e.span));
                        t
                    }
                    _ => {
                        let sym = if *op == UnOp::Neg { "-" } else { "!" };
                        let d = self.describe(&s);
                        self.report(
                            DiagnosticKind::Type,
                            e.span,
                            "E0600",
                            format!("cannot apply unary operator `{sym}` to type `{d}`"),
                        );
                        Ty::Error
                    }
                }
            }
            ExprKind::Binary(op, l, r) => {
                let lt = self.check_expr(cx, l);
                let rt = self.check_expr(cx, r);
                self.binary_type(*op, &lt, &rt, e.span, l.span, r.span)
            }
            ExprKind::Assign(lhs, rhs) => {
                let rt = self.check_expr(cx, rhs);
                let lt = self.check_place(cx, lhs, true);
                self.expect(rhs.span, &rt, &lt);
                Ty::Unit
            }
            ExprKind::CompoundAssign(op, lhs, rhs) => {
                let rt = self.check_expr(cx, rhs);
                let lt = self.check_place(cx, lhs, true);
                let res = self.binary_type(*op, &lt, &rt, e.span, lhs.span, rhs.span);
                let _ = res;
                Ty::Unit
            }
            ExprKind::Cast(inner, ty) => {
                let target = self.type_from_expr(ty, false);
                let t = self.check_expr(cx, inner);
                let literal = matches!(inner.kind, ExprKind::Int { suffix: None, .. });
                if literal {
                    if let Ty::Int(_) = target {
                        let _ = self.infer.unify(&t, &target);
                    }
                }
                let s = self.infer.shallow(&t);
                let source_ok = matches!(s, Ty::Int(_) | Ty::Bool | Ty::Error | Ty::Never)
                    || self.is_int_like(&s);
                match (&target, source_ok) {
                    (Ty::Int(_), _) if matches!(s, Ty::Char) => target,
                    (Ty::Char, _) if matches!(s, Ty::Int(IntTy::U8)) => Ty::Char,
                    (Ty::Int(_), true) => target,
                    (Ty::Error, _) => Ty::Error,
                    (Ty::Bool, true) if matches!(s, Ty::Bool) => Ty::Bool,
                    (Ty::Bool, true) => {
                        let d = self.describe(&s);
                        self.report(
                            DiagnosticKind::Type,
                            e.span,
                            "E0054",
                            format!("cannot cast `{d}` as `bool`"),
                        )
                        .add_note("compare with zero instead: `x != 0`");
                        Ty::Error
                    }
                    _ => {
                        let (d, tt) = (self.describe(&s), self.describe(&target));
                        self.report(
                            DiagnosticKind::Type,
                            e.span,
                            "E0605",
                            format!("non-primitive cast: `{d}` as `{tt}`"),
                        );
                        Ty::Error
                    }
                }
            }
            ExprKind::Call(callee, args) => self.check_call(cx, callee, args),
            ExprKind::MethodCall {
                receiver,
                method,
                method_span,
                args,
            } => self.check_method(cx, e, receiver, method, *method_span, args),
            ExprKind::Index(base, idx) if self.raw_array(cx, base).is_some() => {
                let res = self.raw_array(cx, base).unwrap_or(Res::HeapBytes);
                let it = self.check_expr(cx, idx);
                if !self.manual {
                    let name = if res == Res::HeapBytes {
                        "heap_bytes"
                    } else {
                        "stack_bytes"
                    };
                    self.diags.push(rust_mode_error(base.span, name));
                    return Ty::Error;
                }
                self.expect(idx.span, &it, &Ty::Int(IntTy::Usize));
                self.res.insert(base.id, res);
                self.set(base, Ty::Unit);
                Ty::Int(IntTy::U8)
            }
            ExprKind::Index(base, idx) => {
                let bt = self.check_expr(cx, base);
                let it = self.check_expr(cx, idx);
                match self.infer.resolve(&bt).autoderef().clone() {
                    Ty::Vec(elem)
                    | Ty::Array(elem, _)
                    | Ty::SliceRef(elem)
                    | Ty::SliceMut(elem) => {
                        if self.infer.unify(&it, &Ty::Int(IntTy::Usize)).is_err() {
                            let d = self.describe(&it);
                            let el = self.describe(&elem);
                            self.report(
                                DiagnosticKind::Type,
                                idx.span,
                                "E0277",
                                format!("the type `[{el}]` cannot be indexed by `{d}`"),
                            )
                            .add_span_label(
                                "slice indices are of type `usize` or ranges of `usize`",
                            )
                            .add_note("convert the index with `as usize`: `v[i as usize]`");
                        }
                        *elem
                    }
                    Ty::Error => Ty::Error,
                    other => {
                        let d = self.describe(&other);
                        self.report(
                            DiagnosticKind::Type,
                            base.span,
                            "E0608",
                            format!("cannot index into a value of type `{d}`"),
                        );
                        Ty::Error
                    }
                }
            }
            ExprKind::Block(b) => self.check_block(cx, b),
            ExprKind::If(cond, then, els) => {
                let ct = self.check_expr(cx, cond);
                self.expect(cond.span, &ct, &Ty::Bool);
                let tt = self.check_block(cx, then);
                match els {
                    None => {
                        if self.infer.unify(&tt, &Ty::Unit).is_err() {
                            let d = self.describe(&tt);
                            let span = then.tail.as_ref().map_or(then.span, |t| t.span);
                            self.report(
                                DiagnosticKind::Type,
                                span,
                                "E0317",
                                "`if` may be missing an `else` clause",
                            )
                            .add_span_label(format!("expected `()`, found `{d}`"))
                            .add_note("`if` expressions without `else` evaluate to `()`");
                        }
                        Ty::Unit
                    }
                    Some(els) => {
                        let et = self.check_expr(cx, els);
                        if self.infer.unify(&tt, &et).is_err() {
                            let msg = "`if` and `else` have incompatible types";
                            self.incompatible(els.span, msg, &tt, &et);
                        }
                        let ts = self.infer.shallow(&tt);
                        if matches!(ts, Ty::Never) {
                            et
                        } else {
                            tt
                        }
                    }
                }
            }
            ExprKind::While(cond, body) => {
                let ct = self.check_expr(cx, cond);
                self.expect(cond.span, &ct, &Ty::Bool);
                cx.loops.push(LoopCtx {
                    is_loop: false,
                    break_ty: Ty::Unit,
                    has_break: true,
                });
                let bt = self.check_block(cx, body);
                cx.loops.pop();
                self.expect_unit_body(body, &bt);
                Ty::Unit
            }
            ExprKind::Loop(body) => {
                let bty = self.infer.fresh();
                cx.loops.push(LoopCtx {
                    is_loop: true,
                    break_ty: bty.clone(),
                    has_break: false,
                });
                let bt = self.check_block(cx, body);
                let ctx = cx.loops.pop();
                self.expect_unit_body(body, &bt);
                match ctx {
                    Some(c) if c.has_break => {
                        if let Ty::Var(_) = self.infer.shallow(&bty) {
                            let _ = self.infer.unify(&bty, &Ty::Unit);
                        }
                        bty
                    }
                    _ => Ty::Never,
                }
            }
            ExprKind::For {
                var,
                var_span,
                mutable,
                pat,
                range,
                body,
            } => {
                let head = ForHead {
                    var,
                    var_span: *var_span,
                    mutable: *mutable,
                    pat: pat.as_ref(),
                };
                self.check_for(cx, e, head, range, body)
            }
            ExprKind::Range { .. } => {
                self.diags
                    .push(unsupported(e.span, "a range outside a `for` loop"));
                Ty::Error
            }
            ExprKind::Break(value) => {
                let vt = value.as_ref().map(|v| (v.span, self.check_expr(cx, v)));
                match cx.loops.last_mut() {
                    None => {
                        self.report(
                            DiagnosticKind::Syntax,
                            e.span,
                            "E0268",
                            "`break` outside of a loop",
                        )
                        .add_span_label("cannot `break` outside of a loop");
                    }
                    Some(l) => {
                        l.has_break = true;
                        let bty = l.break_ty.clone();
                        let is_loop = l.is_loop;
                        match vt {
                            Some((span, t)) if !is_loop => {
                                let _ = t;
                                self.report(
                                    DiagnosticKind::Syntax,
                                    span,
                                    "E0571",
                                    "`break` with value from a `while` or `for` loop",
                                )
                                .add_note("only `loop` can give back a value with `break`");
                            }
                            Some((span, t)) => self.expect(span, &t, &bty),
                            None if is_loop && self.infer.unify(&bty, &Ty::Unit).is_err() => {
                                self.mismatch(e.span, &bty, &Ty::Unit);
                            }
                            None => {}
                        }
                    }
                }
                Ty::Never
            }
            ExprKind::Continue => {
                if cx.loops.is_empty() {
                    self.report(
                        DiagnosticKind::Syntax,
                        e.span,
                        "E0268",
                        "`continue` outside of a loop",
                    )
                    .add_span_label("cannot `continue` outside of a loop");
                }
                Ty::Never
            }
            ExprKind::Return(value) => {
                let ret = cx.ret.clone();
                match value {
                    Some(v) => {
                        let t = self.check_expr(cx, v);
                        self.expect_arg(v, &t, &ret);
                    }
                    None => {
                        if self.infer.unify(&ret, &Ty::Unit).is_err() {
                            let d = self.describe(&ret);
                            self.report(DiagnosticKind::Type, e.span, "E0069", "mismatched types")
                                .add_span_label(format!(
                                    "`return` without a value in a function returning `{d}`"
                                ));
                        }
                    }
                }
                Ty::Never
            }
            ExprKind::VecList(items) => {
                let elem = self.infer.fresh();
                for it in items {
                    let t = self.check_expr(cx, it);
                    self.expect(it.span, &t, &elem);
                }
                self.vec_elem_checks.push((elem.clone(), e.span, None));
                Ty::Vec(Box::new(elem))
            }
            ExprKind::VecRepeat(value, count) => {
                let t = self.check_expr(cx, value);
                let ct = self.check_expr(cx, count);
                self.expect(count.span, &ct, &Ty::Int(IntTy::Usize));
                self.vec_elem_checks
                    .push((t.clone(), e.span, Some(value.span)));
                Ty::Vec(Box::new(t))
            }
            ExprKind::Field {
                base,
                name,
                name_span,
            } => {
                let bt = self.check_expr(cx, base);
                let bs = self.infer.resolve(&bt).autoderef().clone();
                match &bs {
                    Ty::Error => Ty::Error,
                    Ty::Struct(_) | Ty::Tuple(_) => {
                        let found = match &bs {
                            Ty::Struct(d) => d.field(name).map(|f| f.1.ty.clone()),
                            Ty::Tuple(ts) => {
                                name.parse::<usize>().ok().and_then(|i| ts.get(i).cloned())
                            }
                            _ => None,
                        };
                        match found {
                            Some(t) => t,
                            None => {
                                self.no_field(&bs, name, *name_span);
                                Ty::Error
                            }
                        }
                    }
                    Ty::Var(_) if !self.infer.is_int_var(&bs) => {
                        self.report(
                            DiagnosticKind::Type,
                            base.span,
                            "E0282",
                            "type annotations needed",
                        );
                        Ty::Error
                    }
                    _ => {
                        self.no_field(&bs, name, *name_span);
                        Ty::Error
                    }
                }
            }
            ExprKind::StructLit {
                name,
                name_span,
                fields,
                base,
            } => self.check_struct_lit(cx, e, name, *name_span, fields, base.as_deref()),
            ExprKind::Tuple(items) => {
                Ty::Tuple(items.iter().map(|it| self.check_expr(cx, it)).collect())
            }
            ExprKind::AddrOf { mutable, inner } if matches!(&inner.kind, ExprKind::Index(_, idx) if matches!(idx.kind, ExprKind::Range { .. } | ExprKind::OpenRange { .. })) =>
            {
                let ExprKind::Index(base, idx) = &inner.kind else {
                    return Ty::Error;
                };
                let bt = self.check_expr(cx, base);
                if *mutable {
                    // The elements must be writable: a mutable place, or behind `&mut`.
                    match self.infer.resolve(&bt) {
                        Ty::Ref(true, _) | Ty::SliceMut(_) => {}
                        Ty::Ref(false, _) | Ty::SliceRef(_) => {
                            let shown = format!("*{}", place_text(base));
                            self.report(
                                DiagnosticKind::Ownership,
                                e.span,
                                "E0596",
                                format!("cannot borrow `{shown}` as mutable, as it is behind a `&` reference"),
                            );
                        }
                        _ => self.check_borrow_mut(cx, base, e.span),
                    }
                }
                let (start, end) = match &idx.kind {
                    ExprKind::Range { start, end, .. } => (Some(&**start), Some(&**end)),
                    ExprKind::OpenRange { start, end, .. } => (start.as_deref(), end.as_deref()),
                    _ => (None, None),
                };
                for b in [start, end].into_iter().flatten() {
                    let t = self.check_expr(cx, b);
                    self.expect(b.span, &t, &Ty::Int(IntTy::Usize));
                }
                match self.infer.resolve(&bt).deref_all().clone() {
                    Ty::Vec(elem) | Ty::Array(elem, _) | Ty::SliceMut(elem) if *mutable => {
                        self.set(inner, Ty::Error);
                        Ty::SliceMut(elem)
                    }
                    Ty::Vec(elem)
                    | Ty::Array(elem, _)
                    | Ty::SliceRef(elem)
                    | Ty::SliceMut(elem) => {
                        self.set(inner, Ty::Error);
                        Ty::SliceRef(elem)
                    }
                    Ty::String | Ty::StrRef if !*mutable => {
                        self.set(inner, Ty::Error);
                        Ty::StrRef
                    }
                    Ty::Error => Ty::Error,
                    other => {
                        let d = self.describe(&other);
                        self.diags.push(unsupported(
                            e.span,
                            &format!("slicing a value of type `{d}`"),
                        ));
                        Ty::Error
                    }
                }
            }
            ExprKind::AddrOf { mutable, inner } => {
                let placeish = matches!(
                    inner.kind,
                    ExprKind::Path(_)
                        | ExprKind::Field { .. }
                        | ExprKind::Index(..)
                        | ExprKind::Deref(_)
                );
                let t = if !placeish {
                    // A temporary: it lives to the end of the statement, or of the block
                    // when a `let` borrows it (see the code generation).
                    self.check_expr(cx, inner)
                } else if *mutable {
                    let t = self.check_expr(cx, inner);
                    self.check_borrow_mut(cx, inner, e.span);
                    t
                } else {
                    self.check_expr(cx, inner)
                };
                if matches!(self.infer.head(&t), Ty::Error) {
                    return Ty::Error;
                }
                Ty::Ref(*mutable, Box::new(t))
            }
            ExprKind::Deref(inner) => {
                let t = self.check_expr(cx, inner);
                match self.infer.shallow(&t) {
                    Ty::Ref(_, t) | Ty::Box(t) => *t,
                    Ty::Error => Ty::Error,
                    other => {
                        let d = self.describe(&other);
                        self.report(
                            DiagnosticKind::Type,
                            e.span,
                            "E0614",
                            format!("type `{d}` cannot be dereferenced"),
                        );
                        Ty::Error
                    }
                }
            }
            ExprKind::ArrayList(items) => {
                let elem = self.infer.fresh();
                for it in items {
                    let t = self.check_expr(cx, it);
                    self.expect(it.span, &t, &elem);
                }
                Ty::Array(Box::new(elem), items.len() as u64)
            }
            ExprKind::ArrayRepeat(value, n) => {
                let t = self.check_expr(cx, value);
                let rt = self.infer.resolve(&t);
                if *n > 1 && !rt.is_copy() {
                    self.report(
                        DiagnosticKind::Type,
                        value.span,
                        "E0277",
                        format!(
                            "the trait bound `{}: Copy` is not satisfied",
                            self.describe(&rt)
                        ),
                    )
                    .add_note("`[x; N]` copies `x`: its type must be `Copy`");
                }
                Ty::Array(Box::new(t), *n)
            }
            ExprKind::MemQuery { ty, align } => {
                let t = self.type_from_expr(ty, false);
                if matches!(t, Ty::Error) {
                    return Ty::Error;
                }
                let layout = match &t {
                    Ty::Unit => Some((0, 1)),
                    _ => t.layout(self.ptr),
                };
                match layout {
                    Some((size, a)) => {
                        let v = if *align { a } else { size };
                        self.res.insert(e.id, Res::Const(v as i128));
                        Ty::Int(IntTy::Usize)
                    }
                    None => {
                        self.diags
                            .push(unsupported(ty.span, "the size of this type"));
                        Ty::Error
                    }
                }
            }
            ExprKind::Format {
                mac,
                template,
                template_span,
                args,
            } => {
                let arg_tys: Vec<Ty> = args.iter().map(|a| self.check_expr(cx, a)).collect();
                self.check_format(cx, e, template, *template_span, args, &arg_tys);
                match mac {
                    FormatMacro::Panic => Ty::Never,
                    FormatMacro::Format => Ty::String,
                    _ => Ty::Unit,
                }
            }
        }
    }

    fn no_field(&mut self, t: &Ty, name: &str, span: Span) {
        let d = self.describe(t);
        let msg = if matches!(t, Ty::Int(_) | Ty::Bool) || self.infer.is_int_var(t) {
            format!("`{d}` is a primitive type and therefore doesn't have fields")
        } else {
            format!("no field `{name}` on type `{d}`")
        };
        let code = if matches!(t, Ty::Int(_) | Ty::Bool) || self.infer.is_int_var(t) {
            "E0610"
        } else {
            "E0609"
        };
        self.report(DiagnosticKind::Type, span, code, msg)
            .add_span_label("unknown field");
    }

    fn check_struct_lit(
        &mut self,
        cx: &mut FnCx,
        e: &Expr,
        name: &str,
        name_span: Span,
        fields: &[(String, Span, Expr)],
        base: Option<&Expr>,
    ) -> Ty {
        let def = self.struct_named(name);
        let Some(def) = def else {
            for (_, _, v) in fields {
                self.check_expr(cx, v);
            }
            self.report(
                DiagnosticKind::Name,
                name_span,
                "E0422",
                format!("cannot find struct, variant or union type `{name}` in this scope"),
            )
            .add_span_label("not found in this scope");
            return Ty::Error;
        };
        let ty = Ty::Struct(def.clone());
        let mut seen: Vec<&str> = Vec::new();
        for (fname, fspan, v) in fields {
            let t = self.check_expr(cx, v);
            match def.field(fname) {
                Some((_, f)) => {
                    if seen.contains(&fname.as_str()) {
                        self.report(
                            DiagnosticKind::Type,
                            *fspan,
                            "E0062",
                            format!("field `{fname}` specified more than once"),
                        )
                        .add_span_label("used more than once");
                    }
                    seen.push(fname);
                    let ft = f.ty.clone();
                    // A field's value is a coercion site, as an argument is.
                    self.expect_arg(v, &t, &ft);
                }
                None => {
                    self.report(
                        DiagnosticKind::Type,
                        *fspan,
                        "E0560",
                        format!("struct `{name}` has no field named `{fname}`"),
                    );
                }
            }
        }
        match base {
            Some(b) => {
                let bt = self.check_expr(cx, b);
                self.expect(b.span, &bt, &ty);
                // Fields that are not `Copy` move out of the base: the whole base when the
                // fields written out own nothing (else part of it stays to be dropped).
                let takes_owner = def
                    .fields()
                    .iter()
                    .any(|f| !seen.contains(&f.name.as_str()) && !f.ty.is_copy());
                let leaves_owner = def
                    .fields()
                    .iter()
                    .any(|f| seen.contains(&f.name.as_str()) && f.ty.needs_drop());
                // From a local (or a field of one), the fields move out one by one (a partial
                // move); from a temporary, the fields written out would have to be dropped.
                let local_base = self.local_field_chain(b);
                let temporary = !matches!(
                    &b.kind,
                    ExprKind::Path(_)
                        | ExprKind::Field { .. }
                        | ExprKind::Index(..)
                        | ExprKind::Deref(_)
                );
                if takes_owner && !local_base && (leaves_owner || !temporary) {
                    self.diags.push(unsupported(
                        b.span,
                        "moving only some fields that are not `Copy` out of the base of `..`",
                    ));
                }
            }
            None => {
                let all = def.fields();
                let missing: Vec<&str> = all
                    .iter()
                    .map(|f| f.name.as_str())
                    .filter(|n| !seen.contains(n))
                    .collect();
                if !missing.is_empty() {
                    let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
                    let msg = if missing.len() == 1 {
                        format!("missing field {} in initializer of `{name}`", list[0])
                    } else {
                        let (last, rest) = list.split_last().unwrap_or((&list[0], &[]));
                        format!(
                            "missing fields {} and {last} in initializer of `{name}`",
                            rest.join(", ")
                        )
                    };
                    self.report(DiagnosticKind::Type, name_span, "E0063", msg)
                        .add_span_label("missing fields");
                }
            }
        }
        let _ = e;
        ty
    }

    /// A local, or a field of a field ... of a local, reached without a reference.
    fn local_field_chain(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Path(_) => matches!(self.res.get(&e.id), Some(Res::Local(_))),
            ExprKind::Field { base, .. } => {
                !matches!(
                    self.infer.shallow(&self.expr_ty[base.id as usize]),
                    Ty::Ref(..)
                ) && self.local_field_chain(base)
            }
            _ => false,
        }
    }

    fn expect_unit_body(&mut self, body: &Block, t: &Ty) {
        if self.infer.unify(t, &Ty::Unit).is_err() {
            let span = body.tail.as_ref().map_or(body.span, |t| t.span);
            self.mismatch(span, &Ty::Unit, t);
        }
    }

    /// A `for` loop: what it walks (a range, a string's `chars()`, a Vec, slice or array by
    /// reference or `.iter()`, an array of `Copy` values or a Vec by value, any of them
    /// `.enumerate()`d), hidden locals that keep its place, the loop's variable (or the
    /// pattern's names, taken from a hidden variable each turn) and the body.
    fn check_for(
        &mut self,
        cx: &mut FnCx,
        e: &Expr,
        head: ForHead<'_>,
        range: &Expr,
        body: &Block,
    ) -> Ty {
        let (src, enumerate) = match &range.kind {
            ExprKind::MethodCall {
                receiver,
                method,
                args,
                ..
            } if method == "enumerate" && args.is_empty() => (&**receiver, true),
            _ => (range, false),
        };
        let Some((mut item, mut hidden)) = self.for_source(cx, src) else {
            return Ty::Unit;
        };
        if enumerate {
            self.set(range, Ty::Error);
            hidden.push(("(count)", Ty::Int(IntTy::Usize)));
            item = Ty::Tuple(vec![Ty::Int(IntTy::Usize), item]);
        }
        cx.scopes.push(Vec::new());
        let mut first = None;
        for (name, t) in hidden {
            let h = self.declare(cx, name, t, true, range.span, true);
            first.get_or_insert(h);
        }
        if let Some(h) = first {
            self.for_range.insert(e.id, h);
        }
        match head.pat {
            Some(p) => {
                let v = self.declare(cx, "(item)", item.clone(), false, head.var_span, true);
                self.binding.insert(e.id, v);
                let mut ids = Vec::new();
                self.bind_pat(cx, p, &item, &mut ids);
                self.pat_locals.insert(e.id, ids);
                self.pattern_checks.push(PatternCheck {
                    ty: item,
                    pats: vec![(p.clone(), false)],
                    span: p.span(),
                    place: PatternPlace::For,
                });
            }
            None => {
                let v = self.declare(cx, head.var, item, head.mutable, head.var_span, false);
                self.binding.insert(e.id, v);
            }
        }
        cx.loops.push(LoopCtx {
            is_loop: false,
            break_ty: Ty::Unit,
            has_break: true,
        });
        let bt = self.check_block(cx, body);
        cx.loops.pop();
        cx.scopes.pop();
        self.expect_unit_body(body, &bt);
        Ty::Unit
    }

    /// What a `for` loop over `src` gives each turn, and the hidden locals it keeps (the
    /// first one is where it walks, then an index). `None` after reporting what it cannot.
    fn for_source(&mut self, cx: &mut FnCx, src: &Expr) -> Option<(Ty, Vec<(&'static str, Ty)>)> {
        let usize_t = Ty::Int(IntTy::Usize);
        if let ExprKind::Range { start, end, .. } = &src.kind {
            let st = self.check_expr(cx, start);
            let et = self.check_expr(cx, end);
            self.expect(end.span, &et, &st);
            if !self.is_int_like(&st) && !matches!(self.infer.head(&st), Ty::Error) {
                let d = self.describe(&st);
                self.report(
                    DiagnosticKind::Type,
                    src.span,
                    "E0277",
                    format!("`Range<{d}>` is not an iterator"),
                );
            }
            self.set(src, Ty::Error);
            return Some((st.clone(), vec![("(range)", st)]));
        }
        // `.chars()` (or `.chars().rev()`, `.bytes()`) of a String or `&str`: each `char`,
        // decoded from UTF-8 (or each byte).
        if let Some((receiver, walk)) = text_walk(src) {
            let t = self.check_expr(cx, receiver);
            if !matches!(self.infer.resolve(&t).deref_all(), Ty::String | Ty::StrRef) {
                self.diags.push(unsupported(src.span, "this `.chars()`"));
                return None;
            }
            self.set(src, Ty::StrRef);
            let item = match walk {
                TextWalk::Bytes => Ty::Int(IntTy::U8),
                _ => Ty::Char,
            };
            return Some((item, vec![("(str)", Ty::StrRef), ("(index)", usize_t)]));
        }
        // `.iter()` of a Vec, array or slice walks it like `&v`, `.iter_mut()` like `&mut v`.
        let rt = match &src.kind {
            ExprKind::MethodCall {
                receiver,
                method,
                args,
                ..
            } if (method == "iter" || method == "iter_mut") && args.is_empty() => {
                let t = self.check_expr(cx, receiver);
                let mutable = method == "iter_mut";
                let rt = self.infer.resolve(&t);
                match rt.deref_all().clone() {
                    Ty::SliceRef(_) if mutable => {
                        let shown = place_text(receiver);
                        self.report(
                            DiagnosticKind::Ownership,
                            receiver.span,
                            "E0596",
                            format!("cannot borrow `*{shown}` as mutable, as it is behind a `&` reference"),
                        )
                        .add_span_label(format!(
                            "`{shown}` is a `&` reference, so the data it refers to cannot be borrowed as mutable"
                        ));
                        return None;
                    }
                    Ty::Vec(el) | Ty::Array(el, _) | Ty::SliceRef(el) | Ty::SliceMut(el) => {
                        if mutable {
                            if !matches!(rt, Ty::SliceMut(_)) {
                                self.check_recv_mut(cx, receiver);
                            }
                            self.set(src, Ty::SliceMut(el.clone()))
                        } else {
                            self.set(src, Ty::SliceRef(el.clone()))
                        }
                    }
                    _ => {
                        self.diags
                            .push(unsupported(src.span, &format!("this `.{method}()`")));
                        return None;
                    }
                }
            }
            // `.into_iter()` is the value itself (by value, or by reference for `&v`).
            ExprKind::MethodCall {
                receiver,
                method,
                args,
                ..
            } if method == "into_iter" && args.is_empty() => {
                let t = self.check_expr(cx, receiver);
                self.set(src, t)
            }
            _ => self.check_expr(cx, src),
        };
        let rt = self.infer.resolve(&rt);
        let walked = match &rt {
            Ty::SliceRef(el) => Some((el.clone(), false)),
            Ty::SliceMut(el) => Some((el.clone(), true)),
            Ty::Ref(m, inner) => match &**inner {
                Ty::Vec(el) | Ty::Array(el, _) => Some((el.clone(), *m)),
                _ => None,
            },
            _ => None,
        };
        if let Some((elem, mutable)) = walked {
            // A hidden slice of the elements, a hidden index, and `x: &T` (`&mut T`).
            let slice = if mutable {
                Ty::SliceMut(elem.clone())
            } else {
                Ty::SliceRef(elem.clone())
            };
            return Some((
                Ty::Ref(mutable, elem),
                vec![("(slice)", slice), ("(index)", usize_t)],
            ));
        }
        match &rt {
            // The array is copied into a hidden local, walked by a hidden index.
            Ty::Array(elem, _) if elem.is_copy() => Some((
                (**elem).clone(),
                vec![("(array)", rt.clone()), ("(index)", usize_t)],
            )),
            // The Vec moves into a hidden local; each element moves out of it in turn. The
            // index is declared right after it: the frame views read it there to show the
            // elements already moved out (`trace::hidden_views`).
            Ty::Vec(elem) => Some((
                (**elem).clone(),
                vec![("(vec)", rt.clone()), ("(index)", usize_t)],
            )),
            _ => {
                self.diags.push(unsupported(
                    src.span,
                    "a `for` loop over something other than a range, a string's `chars()`, a Vec, a slice or an array",
                ));
                None
            }
        }
    }

    /// `heap_bytes` or `stack_bytes` used as the base of an index, unless a local shadows it.
    fn raw_array(&self, cx: &FnCx, base: &Expr) -> Option<Res> {
        let ExprKind::Path(segs) = &base.kind else {
            return None;
        };
        let [(name, _)] = segs.as_slice() else {
            return None;
        };
        if self.lookup(cx, name).is_some() {
            return None;
        }
        match name.as_str() {
            "heap_bytes" => Some(Res::HeapBytes),
            "stack_bytes" => Some(Res::StackBytes),
            _ => None,
        }
    }

    /// The type written as the one generic argument of segment `name` of the path `e`
    /// (`Vec::<i32>::new`, `None::<u8>`), or a new inference variable when none is written.
    fn generic_arg(&mut self, e: &Expr, segs: &[(String, Span)], name: &str) -> Result<Ty, ()> {
        let Some((seg, args)) = self.turbofish.get(&e.id) else {
            return Ok(self.infer.fresh());
        };
        match (segs.get(*seg), args.as_slice()) {
            (Some((n, _)), [t]) if n == name => Ok(self.type_from_expr(t, true)),
            _ => {
                let span = args.first().map_or(e.span, |t| t.span);
                self.diags
                    .push(unsupported(span, "these generic arguments on this path"));
                Err(())
            }
        }
    }

    fn check_path(&mut self, cx: &mut FnCx, e: &Expr, segs: &[(String, Span)]) -> Ty {
        if self.turbofish.contains_key(&e.id) && !matches!(segs, [(n, _)] if n == "None") {
            let span = self.turbofish[&e.id].1.first().map_or(e.span, |t| t.span);
            self.diags
                .push(unsupported(span, "generic arguments on this path"));
            return Ty::Error;
        }
        if segs.len() == 1 {
            let name = &segs[0].0;
            if let Some(id) = self.lookup(cx, name) {
                self.res.insert(e.id, Res::Local(id));
                return self.local(cx, id).ty.clone();
            }
            if name == "heap_bytes" || name == "stack_bytes" {
                let d = if self.manual {
                    err(
                        DiagnosticKind::Type,
                        e.span,
                        format!("`{name}` is read and written one byte at a time"),
                    )
                    .with_note(format!("index it, as in `{name}[i]` or `{name}[i] = 7`"))
                } else {
                    rust_mode_error(e.span, name)
                };
                self.diags.push(d);
                return Ty::Error;
            }
            if let Some(d) = self.structs.get(name.as_str()).cloned() {
                if d.kind == crate::types::StructKind::Unit {
                    self.res.insert(e.id, Res::UnitStruct);
                    return Ty::Struct(d);
                }
                self.diags.push(unsupported(
                    e.span,
                    "a struct's name used as a value (write a struct literal)",
                ));
                return Ty::Error;
            }
            if self.fn_ids.contains_key(name.as_str()) {
                self.diags
                    .push(unsupported(e.span, "a function used as a value"));
                return Ty::Error;
            }
            if name == "None" {
                let Ok(t) = self.generic_arg(e, segs, "None") else {
                    return Ty::Error;
                };
                self.res.insert(e.id, Res::NoneVal);
                return Ty::Option(Box::new(t));
            }
            self.report(
                DiagnosticKind::Name,
                e.span,
                "E0425",
                format!("cannot find value `{name}` in this scope"),
            )
            .add_span_label("not found in this scope");
            return Ty::Error;
        }
        if segs.len() == 2 {
            if let Some(i) = IntTy::from_name(&segs[0].0) {
                let v = match segs[1].0.as_str() {
                    "MAX" => Some(i.max(self.ptr)),
                    "MIN" => Some(i.min(self.ptr)),
                    "BITS" => {
                        self.res.insert(e.id, Res::Const(i.bits(self.ptr) as i128));
                        return Ty::Int(IntTy::U32);
                    }
                    _ => None,
                };
                if let Some(v) = v {
                    self.res.insert(e.id, Res::Const(v));
                    return Ty::Int(i);
                }
            }
        }
        let path: Vec<&str> = segs.iter().map(|s| s.0.as_str()).collect();
        self.report(
            DiagnosticKind::Name,
            e.span,
            "E0425",
            format!("cannot find value `{}` in this scope", path.join("::")),
        )
        .add_span_label("not found in this scope");
        Ty::Error
    }

    fn check_call(&mut self, cx: &mut FnCx, callee: &Expr, args: &[Expr]) -> Ty {
        let ExprKind::Path(segs) = &callee.kind else {
            self.diags.push(unsupported(
                callee.span,
                "calling something other than a named function",
            ));
            for a in args {
                self.check_expr(cx, a);
            }
            return Ty::Error;
        };
        let path: Vec<&str> = segs.iter().map(|s| s.0.as_str()).collect();
        let arg_tys: Vec<Ty> = args.iter().map(|a| self.check_expr(cx, a)).collect();
        let generic = |c: &mut Self, name: &str| c.generic_arg(callee, segs, name);
        let (res, params, ret) = match path.as_slice() {
            ["Vec", "new"] | ["std", "vec", "Vec", "new"] => {
                let Ok(t) = generic(self, "Vec") else {
                    return Ty::Error;
                };
                (Res::VecNew, vec![], Ty::Vec(Box::new(t)))
            }
            ["Vec", "with_capacity"] | ["std", "vec", "Vec", "with_capacity"] => {
                let Ok(t) = generic(self, "Vec") else {
                    return Ty::Error;
                };
                (
                    Res::VecWithCapacity,
                    vec![Ty::Int(IntTy::Usize)],
                    Ty::Vec(Box::new(t)),
                )
            }
            ["Some"] if self.lookup(cx, "Some").is_none() && !self.fn_ids.contains_key("Some") => {
                let Ok(t) = generic(self, "Some") else {
                    return Ty::Error;
                };
                (Res::SomeCtor, vec![t.clone()], Ty::Option(Box::new(t)))
            }
            _ if self.turbofish.contains_key(&callee.id) => {
                let span = self.turbofish[&callee.id]
                    .1
                    .first()
                    .map_or(callee.span, |t| t.span);
                self.diags
                    .push(unsupported(span, "generic arguments on this path"));
                return Ty::Error;
            }
            ["Box", "new"] => {
                let t = self.infer.fresh();
                (Res::BoxNew, vec![t.clone()], Ty::Box(Box::new(t)))
            }
            ["String", "new"] => (Res::StringNew, vec![], Ty::String),
            ["String", "from"] => (Res::StringFrom, vec![Ty::StrRef], Ty::String),
            ["String", "with_capacity"] => (
                Res::StringWithCapacity,
                vec![Ty::Int(IntTy::Usize)],
                Ty::String,
            ),
            ["drop"] | ["std", "mem", "drop"] => {
                let t = self.infer.fresh();
                (Res::Drop, vec![t], Ty::Unit)
            }
            [name @ ("alloc" | "dealloc")]
                if self.lookup(cx, name).is_none() && !self.fn_ids.contains_key(name) =>
            {
                if !self.manual {
                    self.diags.push(rust_mode_error(callee.span, name));
                    return Ty::Error;
                }
                if *name == "alloc" {
                    (
                        Res::Alloc,
                        vec![Ty::Int(IntTy::Usize)],
                        Ty::Int(IntTy::Usize),
                    )
                } else {
                    // A Vec's buffer, or a heap index that `alloc` returned.
                    let arg = arg_tys.first().map(|t| self.infer.shallow(t));
                    let param = match arg {
                        Some(Ty::Vec(e)) => Ty::Vec(e),
                        Some(Ty::String) => Ty::String,
                        Some(Ty::Box(e)) => Ty::Box(e),
                        _ => Ty::Int(IntTy::Usize),
                    };
                    (Res::Dealloc, vec![param], Ty::Unit)
                }
            }
            [tname, fname] if self.struct_named(tname).is_some() => {
                let d = self.struct_named(tname).unwrap_or_else(|| unreachable!());
                match self
                    .assoc
                    .get(&(d.name.clone(), fname.to_string()))
                    .copied()
                {
                    Some(id) => {
                        let sig = self.sigs[id as usize].clone();
                        (Res::Fn(id), sig.params, sig.ret)
                    }
                    None => {
                        self.report(DiagnosticKind::Name, callee.span, "E0599", format!(
                                    "no function or associated item named `{fname}` found for struct `{}` in the current scope",
                                    d.name
                                ));
                        return Ty::Error;
                    }
                }
            }
            [name]
                if self.lookup(cx, name).is_none()
                    && self
                        .structs
                        .get(*name)
                        .is_some_and(|d| d.kind == crate::types::StructKind::Tuple) =>
            {
                let d = self.structs[*name].clone();
                let params = d.fields().iter().map(|f| f.ty.clone()).collect();
                (Res::TupleCtor, params, Ty::Struct(d))
            }
            [name] if self.lookup(cx, name).is_none() && self.fn_ids.contains_key(name) => {
                let id = self.fn_ids[name];
                let sig = self.sigs[id as usize].clone();
                (Res::Fn(id), sig.params, sig.ret)
            }
            _ => {
                let shown = path.join("::");
                let msg = if path.len() == 1 {
                    format!("cannot find function `{shown}` in this scope")
                } else {
                    format!("cannot find function `{shown}`")
                };
                let d = if path.len() == 1 && self.lookup(cx, path[0]).is_some() {
                    err(
                        DiagnosticKind::Type,
                        callee.span,
                        format!("expected function, found local variable `{shown}`"),
                    )
                    .with_code("E0618")
                } else if path.first() == Some(&"Vec") || path.first() == Some(&"std") {
                    unsupported(callee.span, &format!("the function `{shown}`"))
                } else {
                    err(DiagnosticKind::Name, callee.span, msg)
                        .with_code("E0425")
                        .with_span_label("not found in this scope")
                };
                self.diags.push(d);
                return Ty::Error;
            }
        };
        self.check_args(callee.span, "function", args, &arg_tys, &params);
        self.res.insert(callee.id, res);
        ret
    }

    /// Checks a call's arguments against the parameters: their count (E0061) and types.
    fn check_args(&mut self, span: Span, what: &str, args: &[Expr], arg_tys: &[Ty], params: &[Ty]) {
        if params.len() != args.len() {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            self.report(
                DiagnosticKind::Type,
                span,
                "E0061",
                format!(
                    "this {what} takes {} argument{} but {} argument{} supplied",
                    params.len(),
                    s(params.len()),
                    args.len(),
                    if args.len() == 1 { " was" } else { "s were" }
                ),
            );
            return;
        }
        for ((a, t), p) in args.iter().zip(arg_tys).zip(params) {
            self.expect_arg(a, t, p);
        }
    }

    fn check_method(
        &mut self,
        cx: &mut FnCx,
        e: &Expr,
        receiver: &Expr,
        method: &str,
        method_span: Span,
        args: &[Expr],
    ) -> Ty {
        // `s.chars().count()`: the chars of the text, counted.
        if let ExprKind::MethodCall {
            receiver: text,
            method: inner,
            args: inner_args,
            ..
        } = &receiver.kind
        {
            if method == "sum" && args.is_empty() && inner == "iter" && inner_args.is_empty() {
                // `v.iter().sum()`: the sum's type comes from where it goes (`let t: i32`).
                let t = self.check_expr(cx, text);
                let elem = match self.infer.resolve(&t).deref_all().clone() {
                    Ty::Vec(el) | Ty::Array(el, _) | Ty::SliceRef(el) | Ty::SliceMut(el)
                        if matches!(self.infer.resolve(&el), Ty::Int(_))
                            || self.infer.is_int_var(&el) =>
                    {
                        *el
                    }
                    Ty::Error => return Ty::Error,
                    _ => {
                        self.diags.push(unsupported(method_span, "this `.sum()`"));
                        return Ty::Error;
                    }
                };
                self.set(receiver, Ty::SliceRef(Box::new(elem.clone())));
                self.methods.insert(e.id, Method::Sum);
                let sum = self.infer.fresh();
                self.sum_checks.push((sum.clone(), elem, method_span));
                return sum;
            }
            if method == "count" && args.is_empty() && inner == "chars" && inner_args.is_empty() {
                let t = self.check_expr(cx, text);
                if !matches!(
                    self.infer.resolve(&t).deref_all(),
                    Ty::String | Ty::StrRef | Ty::Error
                ) {
                    self.diags
                        .push(unsupported(receiver.span, "this `.chars()`"));
                    return Ty::Error;
                }
                self.set(receiver, Ty::StrRef);
                self.methods.insert(e.id, Method::CharCount);
                return Ty::Int(IntTy::Usize);
            }
        }
        // An iterator adapter or consumer other than those above and a `for` loop's
        // (`.enumerate()`, `.rev()`): the first one after the iterator is what is missing.
        if let Some((name, span)) = unsupported_iterator_method(e) {
            self.diags.push(unsupported(
                span,
                &format!("the iterator method `.{name}(..)`"),
            ));
            return Ty::Error;
        }
        let rt = self.check_expr(cx, receiver);
        let arg_tys: Vec<Ty> = args.iter().map(|a| self.check_expr(cx, a)).collect();
        let rs = match self.infer.shallow(&rt) {
            Ty::Ref(..) => self.infer.resolve(&rt).deref_all().clone(),
            other => other,
        };
        if matches!(rs, Ty::Error) {
            return Ty::Error;
        }
        // The program's methods are found through references and Boxes (auto-deref).
        if let Ty::Struct(d) = self.infer.resolve(&rs).autoderef() {
            let found = self
                .assoc
                .get(&(d.name.clone(), method.to_string()))
                .copied();
            if let Some(fid) = found.filter(|f| self.sigs[*f as usize].has_self) {
                let sig = self.sigs[fid as usize].clone();
                let recv_is_ref = matches!(self.infer.head(&rt), Ty::Ref(..));
                let mode = match sig.params.first() {
                    Some(Ty::Ref(m, _)) => {
                        if *m {
                            self.check_recv_mut(cx, receiver);
                        }
                        if recv_is_ref {
                            SelfMode::Pass
                        } else {
                            SelfMode::Ref { mutable: *m }
                        }
                    }
                    _ => SelfMode::Value,
                };
                let params = &sig.params[1..];
                self.check_args(method_span, "method", args, &arg_tys, params);
                self.method_fns.insert(e.id, (fid, mode));
                return sig.ret;
            }
        }
        // A Vec's or String's methods through a Box act on the value in the Box.
        let rs = match self.infer.resolve(&rs) {
            Ty::Box(inner) if method != "clone" => {
                let inner = inner.autoderef().clone();
                let through = matches!(inner, Ty::Vec(_) | Ty::String)
                    && matches!(
                        method,
                        "push" | "pop" | "len" | "capacity" | "is_empty" | "push_str"
                    );
                if !through {
                    let d = self.describe(&rs);
                    self.diags.push(unsupported(
                        method_span,
                        &format!("the method `{method}` on `{d}`"),
                    ));
                    return Ty::Error;
                }
                inner
            }
            _ => rs,
        };
        let usize_t = Ty::Int(IntTy::Usize);
        let (m, params, ret): (Method, Vec<Ty>, Ty) = match (&rs, method) {
            (Ty::Vec(elem), "push") => {
                self.check_recv_mut(cx, receiver);
                (Method::Push, vec![(**elem).clone()], Ty::Unit)
            }
            (Ty::Vec(elem), "pop") => {
                self.check_recv_mut(cx, receiver);
                (Method::Pop, vec![], Ty::Option(elem.clone()))
            }
            (Ty::Option(inner), "unwrap") => {
                if matches!(self.infer.head(&rt), Ty::Ref(..)) && !rs.is_copy() {
                    self.diags.push(unsupported(
                        method_span,
                        "`unwrap` through a reference to an `Option` that is not `Copy`",
                    ));
                    return Ty::Error;
                }
                (Method::Unwrap, vec![], (**inner).clone())
            }
            (Ty::Option(inner), "as_ref") => (
                Method::AsRef,
                vec![],
                Ty::Option(Box::new(Ty::Ref(false, inner.clone()))),
            ),
            (Ty::Option(inner), "as_mut") => {
                self.check_recv_mut(cx, receiver);
                (
                    Method::AsMut,
                    vec![],
                    Ty::Option(Box::new(Ty::Ref(true, inner.clone()))),
                )
            }
            (Ty::Vec(elem) | Ty::SliceRef(elem) | Ty::Array(elem, _), "first" | "last") => (
                if method == "first" {
                    Method::First
                } else {
                    Method::Last
                },
                vec![],
                Ty::Option(Box::new(Ty::Ref(false, elem.clone()))),
            ),
            (Ty::Option(inner), "take") => {
                self.check_recv_mut(cx, receiver);
                (Method::Take, vec![], Ty::Option(inner.clone()))
            }
            (Ty::Option(_), "is_some") => (Method::IsSome, vec![], Ty::Bool),
            (Ty::Option(_), "is_none") => (Method::IsNone, vec![], Ty::Bool),
            (Ty::String, "push_str") => {
                self.check_recv_mut(cx, receiver);
                (Method::PushStr, vec![Ty::StrRef], Ty::Unit)
            }
            (Ty::String, "push") => {
                self.check_recv_mut(cx, receiver);
                (Method::PushChar, vec![Ty::Char], Ty::Unit)
            }
            (Ty::String, "len")
            | (Ty::StrRef, "len")
            | (Ty::SliceRef(_), "len")
            | (Ty::SliceMut(_), "len") => (Method::Len, vec![], usize_t),
            (Ty::SliceRef(_) | Ty::SliceMut(_), "is_empty") => (Method::IsEmpty, vec![], Ty::Bool),
            (Ty::String, "capacity") => (Method::Capacity, vec![], usize_t),
            (Ty::String | Ty::StrRef, "is_empty") => (Method::IsEmpty, vec![], Ty::Bool),
            (Ty::StrRef | Ty::String, "to_string" | "to_owned") => {
                (Method::ToString, vec![], Ty::String)
            }
            (Ty::String, "as_str") => (Method::AsStr, vec![], Ty::StrRef),
            (Ty::String | Ty::StrRef, "as_bytes") => (
                Method::AsBytes,
                vec![],
                Ty::SliceRef(Box::new(Ty::Int(IntTy::U8))),
            ),
            (Ty::String | Ty::StrRef, "starts_with" | "ends_with" | "contains") => {
                // A `&str` pattern, or a `char`.
                let pat = match arg_tys.first().map(|t| self.infer.resolve(t)) {
                    Some(Ty::Char) => Ty::Char,
                    _ => Ty::StrRef,
                };
                let m = match method {
                    "starts_with" => Method::StartsWith,
                    "ends_with" => Method::EndsWith,
                    _ => Method::Contains,
                };
                (m, vec![pat], Ty::Bool)
            }
            (Ty::String | Ty::StrRef, "trim") => (Method::Trim, vec![], Ty::StrRef),
            (Ty::String | Ty::StrRef, "to_uppercase") => (Method::ToUppercase, vec![], Ty::String),
            (Ty::String | Ty::StrRef, "to_lowercase") => (Method::ToLowercase, vec![], Ty::String),
            (Ty::Vec(el) | Ty::SliceRef(el) | Ty::SliceMut(el) | Ty::Array(el, _), "contains")
                if self.infer.is_int_var(el)
                    || matches!(self.infer.resolve(el), Ty::Int(_) | Ty::Bool | Ty::Char) =>
            {
                (
                    Method::ContainsElem,
                    vec![Ty::Ref(false, el.clone())],
                    Ty::Bool,
                )
            }
            (Ty::Vec(_) | Ty::SliceMut(_) | Ty::Array(..), "swap") => {
                if !matches!(rs, Ty::SliceMut(_)) {
                    self.check_recv_mut(cx, receiver);
                }
                (Method::Swap, vec![usize_t.clone(), usize_t], Ty::Unit)
            }
            (Ty::SliceRef(_), "swap") => {
                self.check_recv_mut(cx, receiver);
                return Ty::Error;
            }
            (Ty::String, "clear") => {
                self.check_recv_mut(cx, receiver);
                (Method::Clear, vec![], Ty::Unit)
            }
            (Ty::String, "pop") => {
                self.check_recv_mut(cx, receiver);
                (Method::PopChar, vec![], Ty::Option(Box::new(Ty::Char)))
            }
            (Ty::Int(_) | Ty::Bool | Ty::Char, "to_string") => {
                (Method::ToString, vec![], Ty::String)
            }
            (Ty::Char, "clone") => (Method::Clone, vec![], Ty::Char),
            (Ty::Char, name) if CharFn::from_name(name).is_some() => {
                let f = CharFn::from_name(name).unwrap_or(CharFn::LenUtf8);
                let (params, ret) = match f {
                    CharFn::LenUtf8 => (vec![], usize_t),
                    CharFn::ToAsciiUppercase | CharFn::ToAsciiLowercase => (vec![], Ty::Char),
                    CharFn::IsDigit => (vec![Ty::Int(IntTy::U32)], Ty::Bool),
                    CharFn::ToDigit => (
                        vec![Ty::Int(IntTy::U32)],
                        Ty::Option(Box::new(Ty::Int(IntTy::U32))),
                    ),
                    _ => (vec![], Ty::Bool),
                };
                (Method::Char(f), params, ret)
            }
            (Ty::Vec(e), "clone") if !self.infer.resolve(e).needs_drop() => {
                match self.clone_method(&rs, method_span, Method::CloneBuffer) {
                    Some(m) => m,
                    None => return Ty::Error,
                }
            }
            (Ty::String, "clone") => (Method::CloneBuffer, vec![], rs.clone()),
            (Ty::StrRef | Ty::SliceRef(_), "clone") => (Method::Clone, vec![], rs.clone()),
            (
                Ty::Vec(_)
                | Ty::Box(_)
                | Ty::Option(_)
                | Ty::Struct(_)
                | Ty::Tuple(_)
                | Ty::Array(..),
                "clone",
            ) => {
                // A deep clone when the value owns memory, else a copy of its bytes.
                let m = if self.infer.resolve(&rs).needs_drop() {
                    Method::DeepClone
                } else {
                    Method::Clone
                };
                match self.clone_method(&rs, method_span, m) {
                    Some(m) => m,
                    None => return Ty::Error,
                }
            }
            (Ty::Vec(_), "len") => (Method::Len, vec![], usize_t),
            (Ty::Vec(_), "capacity") => (Method::Capacity, vec![], usize_t),
            (Ty::Vec(_), "is_empty") => (Method::IsEmpty, vec![], Ty::Bool),
            (Ty::Int(i), "abs") if i.signed() => (Method::Abs, vec![], rs.clone()),
            (Ty::Int(_), "pow") => (Method::Pow, vec![Ty::Int(IntTy::U32)], rs.clone()),
            (Ty::Int(_), "min" | "max" | "wrapping_add" | "wrapping_sub" | "wrapping_mul") => {
                // Another integer of the same type, and one back.
                let m = match method {
                    "min" => Method::Min,
                    "max" => Method::Max,
                    "wrapping_add" => Method::WrappingAdd,
                    "wrapping_sub" => Method::WrappingSub,
                    _ => Method::WrappingMul,
                };
                (m, vec![rs.clone()], rs.clone())
            }
            (Ty::Int(_) | Ty::Bool, "clone") => (Method::Clone, vec![], rs.clone()),
            (Ty::Array(..), "len") => (Method::Len, vec![], usize_t),
            // A trait method: the literal keeps its fallback type, `i32`.
            (Ty::Var(_), "to_string") if self.infer.is_int_var(&rs) => {
                (Method::ToString, vec![], Ty::String)
            }
            (Ty::Var(_), _) if self.infer.is_int_var(&rs) => {
                self.report(
                    DiagnosticKind::Type,
                    method_span,
                    "E0689",
                    format!("can't call method `{method}` on ambiguous numeric type `{{integer}}`"),
                )
                .add_note("give the value a type first, such as `let x: i32 = ...` or `5_i32`");
                return Ty::Error;
            }
            (Ty::Var(_), _) => {
                self.report(
                    DiagnosticKind::Type,
                    receiver.span,
                    "E0282",
                    "type annotations needed",
                )
                .add_note("the type of this value must be known before calling a method on it");
                return Ty::Error;
            }
            _ => {
                let d = self.describe(&rs);
                let known = std_method(method);
                let d = if known {
                    unsupported(method_span, &format!("the method `{method}` on `{d}`"))
                } else {
                    // rustc says what kind of type it is (and names `Option<T>` itself).
                    let (kind, shown) = match &rs {
                        Ty::Int(_) | Ty::Bool | Ty::Char => ("type", d.clone()),
                        Ty::Option(_) => ("enum", "Option<T>".to_string()),
                        Ty::Tuple(_) => ("tuple", d.clone()),
                        Ty::Array(..) => ("array", d.clone()),
                        Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_) => {
                            ("reference", d.clone())
                        }
                        _ => ("struct", d.clone()),
                    };
                    err(
                        DiagnosticKind::Type,
                        method_span,
                        format!(
                            "no method named `{method}` found for {kind} `{shown}` in the current scope"
                        ),
                    )
                    .with_code("E0599")
                    .with_span_label(format!("method not found in `{d}`"))
                };
                self.diags.push(d);
                return Ty::Error;
            }
        };
        self.check_args(method_span, "method", args, &arg_tys, &params);
        self.methods.insert(e.id, m);
        ret
    }

    /// `.clone()` of a value of type `t` by `m`, when every part of it is `Clone` (E0599 as
    /// rustc words it otherwise).
    fn clone_method(&mut self, t: &Ty, span: Span, m: Method) -> Option<(Method, Vec<Ty>, Ty)> {
        let t = self.infer.resolve(t);
        let Some(name) = not_clone(&t) else {
            return Some((m, vec![], t));
        };
        let msg = match &t {
            Ty::Struct(d) if d.name == name => {
                format!("no method named `clone` found for struct `{name}` in the current scope")
            }
            _ => {
                let kind = match &t {
                    Ty::Option(_) => "enum",
                    Ty::Tuple(_) => "tuple",
                    Ty::Array(..) => "array",
                    _ => "struct",
                };
                let d = self.describe(&t);
                format!(
                    "the method `clone` exists for {kind} `{d}`, but its trait bounds were not satisfied"
                )
            }
        };
        self.diags
            .push(err(DiagnosticKind::Type, span, msg).with_code("E0599"));
        None
    }

    /// Checks an assignable place (`x` or `v[i]`), its mutability when `write`, and returns its type.
    fn check_place(&mut self, cx: &mut FnCx, e: &Expr, write: bool) -> Ty {
        match &e.kind {
            ExprKind::Path(segs) if segs.len() == 1 => {
                let t = self.check_expr(cx, e);
                if let Some(Res::Local(id)) = self.res.get(&e.id).cloned() {
                    let l = self.local(cx, id).clone();
                    // A `let x;` gets its value by assignment (a second one is checked later).
                    if write && !l.mutable && !l.deferred {
                        let is_vec = matches!(self.infer.head(&l.ty), Ty::Vec(_));
                        let d = if is_vec
                            && !matches!(self.infer.head(&t), Ty::Error)
                            && self.expr_is_method_receiver(e)
                        {
                            err(
                                DiagnosticKind::Ownership,
                                e.span,
                                format!("cannot borrow `{}` as mutable, as it is not declared as mutable", l.name),
                            )
                            .with_code("E0596")
                            .with_span_label("cannot borrow as mutable")
                        } else {
                            err(
                                DiagnosticKind::Ownership,
                                e.span,
                                format!("cannot assign twice to immutable variable `{}`", l.name),
                            )
                            .with_code("E0384")
                            .with_span_label("cannot assign twice to immutable variable")
                            .with_label(l.span, "first assignment")
                        };
                        self.diags.push(
                            d.with_note(format!("make the variable mutable: `let mut {}`", l.name)),
                        );
                    }
                }
                t
            }
            ExprKind::Field { .. } => {
                let t = self.check_expr(cx, e);
                if write {
                    self.check_place_root(cx, e, false);
                }
                t
            }
            ExprKind::Deref(_) => {
                let t = self.check_expr(cx, e);
                if write {
                    self.check_place_root(cx, e, false);
                }
                t
            }
            ExprKind::Index(base, _)
                if !matches!(self.peek_local_ty(cx, base), Some(Ty::Vec(_))) =>
            {
                let t = self.check_expr(cx, e);
                if write {
                    let vec_field = matches!(
                        self.infer.shallow(&self.expr_ty[base.id as usize]),
                        Ty::Vec(_)
                    );
                    self.check_place_root(cx, e, vec_field);
                }
                t
            }
            ExprKind::Index(base, _) => {
                let t = self.check_expr(cx, e);
                if let ExprKind::Path(_) = base.kind {
                    if let Some(Res::Local(id)) = self.res.get(&base.id).cloned() {
                        let l = self.local(cx, id).clone();
                        if write && !l.mutable {
                            self.report(
                                DiagnosticKind::Ownership,
                                base.span,
                                "E0596",
                                format!("cannot borrow `{}` as mutable, as it is not declared as mutable", l.name),
                            )
                            .add_span_label("cannot borrow as mutable")
                            .add_note(format!("make the variable mutable: `let mut {}`", l.name));
                        }
                    }
                }
                t
            }
            _ => {
                let t = self.check_expr(cx, e);
                if write {
                    self.report(
                        DiagnosticKind::Type,
                        e.span,
                        "E0070",
                        "invalid left-hand side of assignment",
                    )
                    .add_span_label("cannot assign to this expression");
                }
                t
            }
        }
    }

    /// The type of the local a path names, without checking it.
    fn peek_local_ty(&self, cx: &FnCx, e: &Expr) -> Option<Ty> {
        let ExprKind::Path(segs) = &e.kind else {
            return None;
        };
        let [(name, _)] = segs.as_slice() else {
            return None;
        };
        let id = self.lookup(cx, name)?;
        Some(self.infer.shallow(&self.local(cx, id).ty))
    }

    /// What makes a place immutable: a local not declared `mut`, or a `&` reference on the
    /// way to it. `None` when the place may be written.
    fn immutable_root(&self, cx: &FnCx, e: &Expr) -> Option<Result<LocalDecl, ()>> {
        let ref_of = |x: &Expr| match self
            .expr_ty
            .get(x.id as usize)
            .map(|t| self.infer.shallow(t))
        {
            Some(Ty::Ref(m, _)) => Some(m),
            Some(Ty::SliceRef(_)) => Some(false),
            Some(Ty::SliceMut(_)) => Some(true),
            _ => None,
        };
        match &e.kind {
            ExprKind::Path(_) => match self.res.get(&e.id) {
                Some(Res::Local(id)) => {
                    let l = self.local(cx, *id);
                    (!l.mutable).then(|| Ok(l.clone()))
                }
                _ => None,
            },
            ExprKind::Field { base, .. } | ExprKind::Index(base, _) => match ref_of(base) {
                Some(true) => None,
                Some(false) => Some(Err(())),
                None => self.immutable_root(cx, base),
            },
            ExprKind::Deref(inner) => match ref_of(inner) {
                Some(false) => Some(Err(())),
                Some(true) => None,
                // `*b` of a `Box` is as mutable as `b`.
                None => self.immutable_root(cx, inner),
            },
            _ => None,
        }
    }

    /// The place `e` is written (`borrow` false) or borrowed mutably: it must be reached
    /// through `mut` locals and `&mut` references (E0594, E0596).
    fn check_place_root(&mut self, cx: &FnCx, e: &Expr, borrow: bool) {
        self.check_place_root_at(cx, e, borrow, e.span);
    }

    /// `check_place_root`, reporting at `span`.
    fn check_place_root_at(&mut self, cx: &FnCx, e: &Expr, borrow: bool, span: Span) {
        let Some(root) = self.immutable_root(cx, e) else {
            return;
        };
        let mut shown = place_text(e);
        // A method call on a reference or a Box borrows what it points to.
        let through_box = borrow
            && matches!(
                self.expr_ty
                    .get(e.id as usize)
                    .map(|t| self.infer.shallow(t)),
                Some(Ty::Box(_))
            );
        if let (true, ExprKind::Path(_)) = (borrow, &e.kind) {
            if matches!(root, Err(())) {
                shown = format!("*{shown}");
            }
        }
        if through_box {
            shown = format!("*{shown}");
        }
        let (msg, code, label) = match (&root, borrow) {
            (Ok(l), true) if matches!(e.kind, ExprKind::Path(_)) && !through_box => (
                format!("cannot borrow `{shown}` as mutable, as it is not declared as mutable"),
                "E0596",
                "cannot borrow as mutable",
            ),
            (Ok(l), true) => (
                format!("cannot borrow `{shown}` as mutable, as `{}` is not declared as mutable", l.name),
                "E0596",
                "cannot borrow as mutable",
            ),
            (Ok(l), false) => (
                format!("cannot assign to `{shown}`, as `{}` is not declared as mutable", l.name),
                "E0594",
                "cannot assign",
            ),
            (Err(()), true) => (
                format!("cannot borrow `{shown}` as mutable, as it is behind a `&` reference"),
                "E0596",
                "`{shown}` is a `&` reference, so the data it refers to cannot be borrowed as mutable",
            ),
            (Err(()), false) => (
                format!("cannot assign to `{shown}`, which is behind a `&` reference"),
                "E0594",
                "`{shown}` is a `&` reference, so the data it refers to cannot be written",
            ),
        };
        let mut d = err(DiagnosticKind::Ownership, span, msg)
            .with_code(code)
            .with_span_label(label.replace("{shown}", &shown));
        match root {
            Ok(l) => d = d.with_note(format!("make the variable mutable: `let mut {}`", l.name)),
            Err(()) => d = d.with_note("take a `&mut` reference to change what it points to"),
        }
        self.diags.push(d);
    }

    /// The `ref mut` names of a pattern matched by value against the place `scrutinee`
    /// borrow their parts mutably: the place must be mutable (E0596, named as rustc names
    /// the part: `c.hits`, `o.0`).
    fn check_ref_mut_names(&mut self, cx: &FnCx, pat: &Pat, scrutinee: &Expr) {
        let mut found = Vec::new();
        ref_mut_names(pat, &mut String::new(), &mut found);
        if found.is_empty() {
            return;
        }
        let by_ref = self
            .expr_ty
            .get(scrutinee.id as usize)
            .map(|t| self.infer.shallow(t))
            .is_some_and(|t| matches!(t, Ty::Ref(..)));
        if by_ref {
            return;
        }
        let Some(root) = self.immutable_root(cx, scrutinee) else {
            return;
        };
        for (path, span) in found {
            let shown = format!("{}{path}", place_text(scrutinee));
            let whole = path.is_empty() && matches!(scrutinee.kind, ExprKind::Path(_));
            let (msg, note) = match &root {
                Ok(l) if whole => (
                    format!("cannot borrow `{shown}` as mutable, as it is not declared as mutable"),
                    format!("make the variable mutable: `let mut {}`", l.name),
                ),
                Ok(l) => (
                    format!(
                        "cannot borrow `{shown}` as mutable, as `{}` is not declared as mutable",
                        l.name
                    ),
                    format!("make the variable mutable: `let mut {}`", l.name),
                ),
                Err(()) => (
                    format!("cannot borrow `{shown}` as mutable, as it is behind a `&` reference"),
                    "take a `&mut` reference to change what it points to".to_string(),
                ),
            };
            self.report(DiagnosticKind::Ownership, span, "E0596", msg)
                .add_span_label("cannot borrow as mutable")
                .add_note(note);
        }
    }

    /// A receiver borrowed mutably (`v.push(x)`, `p.move_by(1)`): a `&mut` reference, or a
    /// mutable place.
    fn check_recv_mut(&mut self, cx: &mut FnCx, receiver: &Expr) {
        let t = self
            .expr_ty
            .get(receiver.id as usize)
            .map(|t| self.infer.shallow(t));
        match t {
            Some(Ty::Ref(true, _)) => {}
            Some(Ty::Ref(false, _)) => {
                let shown = format!("*{}", place_text(receiver));
                self.report(
                    DiagnosticKind::Ownership,
                    receiver.span,
                    "E0596",
                    format!("cannot borrow `{shown}` as mutable, as it is behind a `&` reference"),
                )
                .add_span_label(format!(
                    "`{}` is a `&` reference, so the data it refers to cannot be borrowed as mutable",
                    place_text(receiver)
                ));
            }
            _ => self.check_place_root(cx, receiver, true),
        }
    }

    /// `&mut place`: the place must be mutable.
    fn check_borrow_mut(&mut self, cx: &FnCx, e: &Expr, span: Span) {
        self.check_place_root_at(cx, e, true, span);
    }

    /// Places checked for a `push` are method receivers (E0596), others assignments (E0384).
    fn expr_is_method_receiver(&self, e: &Expr) -> bool {
        self.expr_ty
            .get(e.id as usize)
            .is_some_and(|t| matches!(self.infer.head(t), Ty::Vec(_)))
    }

    fn binary_type(
        &mut self,
        op: BinOp,
        lt: &Ty,
        rt: &Ty,
        span: Span,
        lspan: Span,
        rspan: Span,
    ) -> Ty {
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            if let Some(ok) = self.text_eq(lt, rt) {
                if !ok {
                    let (ld, rd) = (self.describe(lt), self.describe(rt));
                    let sym = op.symbol().len();
                    let gap = rspan.start.saturating_sub(lspan.end) as usize;
                    let at = if gap >= sym + 2 {
                        Span::new(lspan.end as usize + 1, lspan.end as usize + 1 + sym)
                    } else {
                        span
                    };
                    self.report(
                        DiagnosticKind::Type,
                        at,
                        "E0277",
                        format!("can't compare `{ld}` with `{rd}`"),
                    )
                    .add_span_label(format!("no implementation for `{ld} == {rd}`"));
                }
                return Ty::Bool;
            }
        }
        let mut ls = self.infer.shallow(lt);
        let mut rs = self.infer.shallow(rt);
        // References to integers: arithmetic reads through either side (`&a + b`), and
        // comparisons through both (`&a == &b`), as the standard library's impls do.
        let (mut lt, mut rt) = (lt.clone(), rt.clone());
        let is_ref = |t: &Ty| matches!(t, Ty::Ref(..));
        let through = (is_ref(&ls) || is_ref(&rs))
            && (!op.is_comparison() || is_ref(&ls) && is_ref(&rs))
            && !matches!(op, BinOp::And | BinOp::Or);
        if through {
            if let Ty::Ref(_, inner) = &ls {
                lt = (**inner).clone();
                ls = self.infer.shallow(&lt);
            }
            if let Ty::Ref(_, inner) = &rs {
                rt = (**inner).clone();
                rs = self.infer.shallow(&rt);
            }
        }
        let (lt, rt) = (&lt, &rt);
        if matches!(ls, Ty::Error) || matches!(rs, Ty::Error) {
            return if op.is_comparison() || matches!(op, BinOp::And | BinOp::Or) {
                Ty::Bool
            } else {
                Ty::Error
            };
        }
        match op {
            BinOp::And | BinOp::Or => {
                self.expect(lspan, lt, &Ty::Bool);
                self.expect(rspan, rt, &Ty::Bool);
                Ty::Bool
            }
            BinOp::Shl | BinOp::Shr => {
                if self.is_int_like(&ls) && self.is_int_like(&rs) {
                    lt.clone()
                } else {
                    self.no_binop(op, &ls, &rs, span);
                    Ty::Error
                }
            }
            BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor if matches!(ls, Ty::Bool) => {
                self.expect(rspan, rt, &Ty::Bool);
                Ty::Bool
            }
            BinOp::Add if matches!(ls, Ty::String) => {
                // `s + "text"`: `s`'s buffer, the text appended.
                let rr = self.infer.resolve(rt);
                if !(matches!(rr, Ty::StrRef) || matches!(rr, Ty::String) && through) {
                    self.expect(rspan, rt, &Ty::StrRef);
                }
                Ty::String
            }
            _ if op.is_comparison()
                && matches!(ls, Ty::String | Ty::StrRef)
                && matches!(rs, Ty::String | Ty::StrRef) =>
            {
                if !matches!(op, BinOp::Eq | BinOp::Ne) {
                    self.diags
                        .push(unsupported(span, "ordering comparisons of strings"));
                }
                Ty::Bool
            }
            _ if op.is_comparison() && matches!(ls, Ty::Char) => {
                self.expect(rspan, rt, &Ty::Char);
                Ty::Bool
            }
            _ if op.is_comparison() => {
                let ok = self.is_int_like(&ls) || matches!(ls, Ty::Bool | Ty::Never);
                if !ok && matches!(op, BinOp::Eq | BinOp::Ne) && ls.is_mem() && !ls.is_vec() {
                    // `#[derive(PartialEq)]` structs, tuples and arrays: field by field.
                    let resolved = self.infer.resolve(&ls);
                    match partial_eq(&resolved) {
                        Ok(()) => {
                            self.expect(rspan, rt, lt);
                            return Ty::Bool;
                        }
                        Err(Some(name)) => {
                            // rustc points at the operator, between the operands (written
                            // with one space on each side, as rustfmt does).
                            let sym = op.symbol().len();
                            let gap = rspan.start.saturating_sub(lspan.end) as usize;
                            let at = if gap >= sym + 2 {
                                Span::new(lspan.end as usize + 1, lspan.end as usize + 1 + sym)
                            } else {
                                span
                            };
                            self.report(
                                DiagnosticKind::Type,
                                at,
                                "E0369",
                                format!(
                                    "binary operation `{}` cannot be applied to type `{name}`",
                                    op.symbol()
                                ),
                            )
                            .add_note(format!("add `#[derive(PartialEq)]` to `{name}`"));
                        }
                        Err(None) => self
                            .diags
                            .push(unsupported(span, "comparing values that hold a `Vec`")),
                    }
                    return Ty::Bool;
                }
                if !ok {
                    if let Ty::Vec(_) = ls {
                        self.diags.push(unsupported(span, "comparing `Vec`s"));
                    } else if ls.is_mem() {
                        self.diags.push(unsupported(
                            span,
                            &format!("comparing with `{}`", op.symbol()),
                        ));
                    } else {
                        self.no_binop(op, &ls, &rs, span);
                    }
                    return Ty::Bool;
                }
                self.expect(rspan, rt, lt);
                Ty::Bool
            }
            _ => {
                if !self.is_int_like(&ls) && !matches!(ls, Ty::Never) {
                    self.no_binop(op, &ls, &rs, span);
                    return Ty::Error;
                }
                self.expect(rspan, rt, lt);
                lt.clone()
            }
        }
    }

    /// `==` between strings: `None` unless both sides are a `String` or a `&str` behind
    /// any references; then whether the standard library compares them: `String` and
    /// `str` with each other (a `String` also with `&str`), and `&A` with `&B` when `A`
    /// compares with `B`.
    fn text_eq(&self, l: &Ty, r: &Ty) -> Option<bool> {
        // References and whether the text is a `String` (else `str`): `&str` is `&` + `str`.
        let shape = |t: &Ty| -> Option<(u32, bool)> {
            let mut t = self.infer.resolve(t);
            let mut refs = 0;
            loop {
                match t {
                    Ty::Ref(_, inner) => {
                        refs += 1;
                        t = *inner;
                    }
                    Ty::String => return Some((refs, true)),
                    Ty::StrRef => return Some((refs + 1, false)),
                    _ => return None,
                }
            }
        };
        let (mut a, sa) = shape(l)?;
        let (mut b, sb) = shape(r)?;
        loop {
            let direct = matches!(
                (a, sa, b, sb),
                (0, true, 0, true)
                    | (0, true, 0, false)
                    | (0, true, 1, false)
                    | (0, false, 0, true)
                    | (1, false, 0, true)
                    | (0, false, 0, false)
            );
            if direct {
                return Some(true);
            }
            if a == 0 || b == 0 {
                return Some(false);
            }
            a -= 1;
            b -= 1;
        }
    }

    fn no_binop(&mut self, op: BinOp, l: &Ty, r: &Ty, span: Span) {
        let (ld, rd) = (self.describe(l), self.describe(r));
        let verb = match op {
            BinOp::Add => Some("add"),
            BinOp::Sub => Some("subtract"),
            BinOp::Mul => Some("multiply"),
            BinOp::Div => Some("divide"),
            BinOp::Rem => Some("calculate the remainder of"),
            _ => None,
        };
        let msg = match verb {
            Some("add") => format!("cannot add `{rd}` to `{ld}`"),
            Some("subtract") => format!("cannot subtract `{rd}` from `{ld}`"),
            Some("multiply") => format!("cannot multiply `{ld}` by `{rd}`"),
            Some("divide") => format!("cannot divide `{ld}` by `{rd}`"),
            Some(v) => format!("cannot {v} `{ld}` divided by `{rd}`"),
            None => format!("no implementation for `{ld} {} {rd}`", op.symbol()),
        };
        self.diags
            .push(err(DiagnosticKind::Type, span, msg).with_code("E0369"));
    }

    fn check_format(
        &mut self,
        cx: &mut FnCx,
        e: &Expr,
        template: &str,
        template_span: Span,
        args: &[Expr],
        arg_tys: &[Ty],
    ) {
        // The template's text starts one byte into its span, after the quote, when the
        // literal has no escapes; otherwise point at the whole literal.
        let inner_at = |(a, b): (usize, usize)| {
            let lit_len = template_span.len() as usize;
            if lit_len == template.len() + 2 {
                Span::new(
                    template_span.start as usize + 1 + a,
                    template_span.start as usize + 1 + b,
                )
            } else {
                template_span
            }
        };
        let pieces = match parse_template(template) {
            Ok(p) => p,
            Err((at, msg)) => {
                let kind = if msg.contains("not supported") {
                    DiagnosticKind::Unsupported
                } else {
                    DiagnosticKind::Syntax
                };
                self.diags.push(err(kind, inner_at(at), msg));
                return;
            }
        };
        let mut used = vec![false; args.len()];
        let mut sources = Vec::new();
        for p in &pieces {
            let Piece::Arg { arg, spec, at } = p else {
                continue;
            };
            let (ty, span) = match arg {
                ArgRef::Next(i) | ArgRef::Index(i) => {
                    if *i >= args.len() {
                        let n = pieces
                            .iter()
                            .filter(|p| {
                                matches!(
                                    p,
                                    Piece::Arg {
                                        arg: ArgRef::Next(_),
                                        ..
                                    }
                                )
                            })
                            .count();
                        let msg = match arg {
                            ArgRef::Index(i) => format!(
                                "invalid reference to positional argument {i} ({})",
                                match args.len() {
                                    0 => "no arguments were given".to_string(),
                                    1 => "there is 1 argument".to_string(),
                                    n => format!("there are {n} arguments"),
                                }
                            ),
                            _ => format!(
                                "{n} positional argument{} in format string, but {}",
                                if n == 1 { "" } else { "s" },
                                match args.len() {
                                    0 => "no arguments were given".to_string(),
                                    1 => "there is 1 argument".to_string(),
                                    n => format!("there are {n} arguments"),
                                }
                            ),
                        };
                        self.diags
                            .push(err(DiagnosticKind::Syntax, inner_at(*at), msg));
                        return;
                    }
                    used[*i] = true;
                    sources.push(FormatSource::Arg(*i));
                    (arg_tys[*i].clone(), args[*i].span)
                }
                ArgRef::Name(name) => match self.lookup(cx, name) {
                    Some(id) => {
                        sources.push(FormatSource::Local(
                            id,
                            inner_at((at.0 + 1, at.0 + 1 + name.len())),
                        ));
                        (self.local(cx, id).ty.clone(), inner_at(*at))
                    }
                    None => {
                        self.report(
                            DiagnosticKind::Name,
                            inner_at(*at),
                            "E0425",
                            format!("cannot find value `{name}` in this scope"),
                        )
                        .add_span_label("not found in this scope");
                        return;
                    }
                },
            };
            self.format_checks.push((ty, span, spec.debug, spec.radix));
        }
        for (i, u) in used.iter().enumerate() {
            if !u {
                self.diags.push(
                    err(DiagnosticKind::Syntax, args[i].span, "argument never used")
                        .with_label(template_span, "formatting specifier missing"),
                );
                return;
            }
        }
        self.formats.insert(e.id, (pieces, sources));
    }

    /// After inference: default integers, report what could not be inferred, check literals
    /// against their types and format arguments against their traits.
    fn finish(&mut self) {
        // A sum's type must be known from where it goes (E0283), and be its elements' own
        // integer type (E0277); unsuffixed literals take it.
        for (sum, elem, span) in std::mem::take(&mut self.sum_checks) {
            match (self.infer.shallow(&sum), self.infer.resolve(&elem)) {
                (Ty::Var(_), _) if !self.infer.is_int_var(&sum) => {
                    let at = self
                        .locals
                        .iter()
                        .flatten()
                        .find(|l| {
                            matches!(self.infer.head(&l.ty), Ty::Var(_))
                                && self.infer.resolve(&l.ty) == self.infer.resolve(&sum)
                        })
                        .map_or(span, |l| l.span);
                    self.report(DiagnosticKind::Type, at, "E0283", "type annotations needed")
                        .add_note("give the sum a type: `let total: i32 = v.iter().sum();`");
                    let _ = self.infer.unify(&sum, &elem);
                }
                (s, el) => {
                    if self.infer.unify(&s, &el).is_err() {
                        let (s, el) = (self.infer.resolve(&s), self.infer.resolve(&el));
                        self.report(
                            DiagnosticKind::Type,
                            span,
                            "E0277",
                            format!("a value of type `{s}` cannot be made by summing an iterator over elements of type `&{el}`"),
                        );
                    }
                }
            }
        }
        self.infer.default_integers();
        self.check_patterns();
        for t in self.expr_ty.iter_mut() {
            *t = self.infer.resolve(t);
        }
        for fl in self.locals.iter_mut() {
            for l in fl.iter_mut() {
                l.ty = self.infer.resolve(&l.ty);
            }
        }
        for s in self.sigs.iter_mut() {
            s.ret = self.infer.resolve(&s.ret);
        }
        for fl in &self.locals {
            for l in fl {
                if l.ty.is_mem() && !has_var(&l.ty) && l.ty.layout(self.ptr).is_none() {
                    self.diags.push(unsupported(
                        l.span,
                        &format!("a value of type `{}` (larger than 2 GiB)", l.ty),
                    ));
                }
            }
        }
        let mut reported = false;
        for fl in &self.locals {
            for l in fl {
                if has_var(&l.ty) && !reported {
                    reported = true;
                    let shown = self.infer.describe(&l.ty);
                    self.diags.push(
                        err(
                            DiagnosticKind::Type,
                            l.span,
                            format!("type annotations needed for `{shown}`"),
                        )
                        .with_code("E0282")
                        .with_note(format!(
                            "give `{}` a type, for example `let {}: Vec<i32> = ...`",
                            l.name, l.name
                        )),
                    );
                }
            }
        }
        // An expression left uninferred after another error is that error's echo.
        let earlier_error = self.diags.iter().any(Diagnostic::is_error);
        if !reported && !earlier_error {
            if let Some(i) = self.expr_ty.iter().position(has_var) {
                let _ = i;
                self.report(
                    DiagnosticKind::Type,
                    Span::default(),
                    "E0282",
                    "type annotations needed",
                );
            }
        }
        for (id, value, span) in std::mem::take(&mut self.literals) {
            let Ty::Int(t) = &self.expr_ty[id as usize] else {
                continue;
            };
            let max = t.max(self.ptr) as u128;
            let limit = if self.negated_literals.contains(&id) && t.signed() {
                max + 1
            } else {
                max
            };
            if value > limit {
                let (lo, hi) = (t.min(self.ptr), t.max(self.ptr));
                self.diags.push(
                    err(DiagnosticKind::Lint, span, format!("literal out of range for `{}`", t.name()))
                        .with_note(format!(
                            "the literal `{value}` does not fit into the type `{}` whose range is `{lo}..={hi}`",
                            t.name()
                        ))
                        .with_note("`#[deny(overflowing_literals)]` on by default"),
                );
            }
        }
        for (id, span) in std::mem::take(&mut self.negations) {
            if let Ty::Int(t) = &self.expr_ty[id as usize] {
                if !t.signed() {
                    self.report(
                        DiagnosticKind::Type,
                        span,
                        "E0600",
                        format!("cannot apply unary operator `-` to type `{}`", t.name()),
                    )
                    .add_span_label("cannot apply unary operator `-`")
                    .add_note("unsigned values cannot be negated");
                }
            }
        }
        for (elem, span, repeat) in std::mem::take(&mut self.vec_elem_checks) {
            let t = self.infer.resolve(&elem);
            if let Some(why) = vec_elem_error(&t, self.ptr) {
                self.diags
                    .push(unsupported(span, &format!("a `Vec` of `{t}` ({why})")));
            } else if let (Some(at), Some(name)) = (repeat, not_clone(&t)) {
                // `vec![x; n]` clones `x`.
                self.report(
                    DiagnosticKind::Type,
                    at,
                    "E0277",
                    format!("the trait bound `{name}: Clone` is not satisfied"),
                )
                .add_span_label(format!("the trait `Clone` is not implemented for `{name}`"));
            }
        }
        for (ty, span, debug, radix) in std::mem::take(&mut self.format_checks) {
            let t = self.infer.resolve(&ty).deref_all().clone();
            if matches!(
                t,
                Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) | Ty::Option(_)
            ) {
                let no_debug = find_no_debug(&t);
                if !debug || no_debug.is_some() {
                    let shown = no_debug.unwrap_or_else(|| t.to_string());
                    let tr = if debug { "Debug" } else { "std::fmt::Display" };
                    let mut d = err(
                        DiagnosticKind::Type,
                        span,
                        format!("`{shown}` doesn't implement `{tr}`"),
                    )
                    .with_code("E0277");
                    d = if debug {
                        d.with_note(format!("add `#[derive(Debug)]` to `{shown}`"))
                    } else {
                        d.with_span_label(format!(
                            "`{t}` cannot be formatted with the default formatter"
                        ))
                        .with_note("use `{:?}` (Debug) to print it")
                    };
                    self.diags.push(d);
                } else if radix != Radix::Decimal {
                    self.diags.push(unsupported(
                        span,
                        "printing a struct, tuple or array in hex, octal or binary",
                    ));
                }
                continue;
            }
            let bad = match (&t, debug, radix) {
                (Ty::Vec(_) | Ty::SliceRef(_) | Ty::SliceMut(_), false, _) => {
                    Some("std::fmt::Display")
                }
                (Ty::Bool, _, Radix::LowerHex) => Some("std::fmt::LowerHex"),
                (Ty::Bool, _, Radix::UpperHex) => Some("std::fmt::UpperHex"),
                (Ty::Bool, _, Radix::Binary) => Some("std::fmt::Binary"),
                (Ty::Bool, _, Radix::Octal) => Some("std::fmt::Octal"),
                (Ty::Vec(_), true, r) if r != Radix::Decimal => None,
                (
                    Ty::Vec(_),
                    _,
                    Radix::LowerHex | Radix::UpperHex | Radix::Binary | Radix::Octal,
                ) => Some("std::fmt::LowerHex"),
                _ => None,
            };
            if let Some(tr) = bad {
                let mut d = err(
                    DiagnosticKind::Type,
                    span,
                    if tr == "std::fmt::Display" {
                        format!("`{t}` doesn't implement `{tr}`")
                    } else {
                        format!(
                            "the trait bound `{t}: {}` is not satisfied",
                            tr.trim_start_matches("std::fmt::")
                        )
                    },
                )
                .with_code("E0277");
                if tr == "std::fmt::Display" {
                    d = d
                        .with_span_label(format!(
                            "`{t}` cannot be formatted with the default formatter"
                        ))
                        .with_note("use `{:?}` (Debug) to print a `Vec`");
                }
                self.diags.push(d);
            }
        }
    }
}

/// The first struct inside `t` that does not derive `Clone` (a struct's fields are checked
/// where it derives `Clone`).
fn not_clone(t: &Ty) -> Option<String> {
    match t {
        Ty::Struct(d) if !d.clone && !d.copy => Some(d.name.clone()),
        Ty::Tuple(ts) => ts.iter().find_map(not_clone),
        Ty::Vec(e) | Ty::Box(e) | Ty::Option(e) | Ty::Array(e, _) => not_clone(e),
        _ => None,
    }
}

/// Whether `==` compares values of type `t` field by field: `Err(Some(name))` names a
/// struct that does not derive `PartialEq`, `Err(None)` means a `Vec` is inside.
fn partial_eq(t: &Ty) -> Result<(), Option<String>> {
    match t {
        Ty::Struct(d) if !d.partial_eq => Err(Some(d.name.clone())),
        Ty::Struct(d) => d.fields().iter().try_for_each(|f| partial_eq(&f.ty)),
        Ty::Tuple(ts) => ts.iter().try_for_each(partial_eq),
        Ty::Array(e, _) => partial_eq(e),
        Ty::Vec(_) | Ty::Ref(..) | Ty::Option(_) => Err(None),
        _ => Ok(()),
    }
}

/// Why a Vec cannot hold elements of type `t` yet: integers, `bool`, `char`, strings, Vecs,
/// Boxes, and structs, tuples, arrays and Options of at most 255 bytes without references
/// are supported.
fn vec_elem_error(t: &Ty, ptr: PtrWidth) -> Option<&'static str> {
    match t {
        Ty::Int(_) | Ty::Bool | Ty::Char | Ty::Var(_) | Ty::Error | Ty::Never => None,
        Ty::String | Ty::StrRef | Ty::Vec(_) | Ty::Box(_) => None,
        // A struct of the cycle being declared (checked where its values are made).
        Ty::Recursive(_) => None,
        Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) | Ty::Option(_) => {
            if t.is_mem() && has_ref(t) {
                Some("elements holding references")
            } else {
                match t.layout(ptr) {
                    Some((size, _)) if (1..=255).contains(&size) => None,
                    _ => Some("elements of more than 255 bytes or of no bytes"),
                }
            }
        }
        _ => Some("only integers, `bool` and plain structs, tuples and arrays"),
    }
}

fn has_ref(t: &Ty) -> bool {
    match t {
        Ty::Ref(..) => true,
        Ty::Struct(d) => d.fields().iter().any(|f| has_ref(&f.ty)),
        Ty::Tuple(ts) => ts.iter().any(has_ref),
        Ty::Array(e, _) | Ty::Option(e) => has_ref(e),
        _ => false,
    }
}

/// The first struct inside `t` that does not derive `Debug`.
fn find_no_debug(t: &Ty) -> Option<String> {
    find_no_debug_in(t, &mut Vec::new())
}

/// [`find_no_debug`], not looking again into the structs in `seen` (a recursive struct
/// holds itself).
fn find_no_debug_in(t: &Ty, seen: &mut Vec<u32>) -> Option<String> {
    let find_no_debug = |t: &Ty| find_no_debug_in(t, &mut seen.clone());
    match t {
        Ty::Struct(d) if !d.debug => Some(d.name.clone()),
        Ty::Struct(d) if seen.contains(&d.id) => None,
        Ty::Struct(d) => {
            seen.push(d.id);
            d.fields()
                .iter()
                .find_map(|f| find_no_debug_in(&f.ty, seen))
        }
        Ty::Tuple(ts) => ts.iter().find_map(find_no_debug),
        Ty::Array(e, _)
        | Ty::Vec(e)
        | Ty::Ref(_, e)
        | Ty::Option(e)
        | Ty::Box(e)
        | Ty::SliceRef(e)
        | Ty::SliceMut(e) => find_no_debug(e),
        _ => None,
    }
}

fn has_var(t: &Ty) -> bool {
    match t {
        Ty::Var(_) => true,
        Ty::Vec(e)
        | Ty::Array(e, _)
        | Ty::Ref(_, e)
        | Ty::Option(e)
        | Ty::Box(e)
        | Ty::SliceRef(e)
        | Ty::SliceMut(e) => has_var(e),
        Ty::Tuple(ts) => ts.iter().any(has_var),
        _ => false,
    }
}

/// How a `for` loop walks a string's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextWalk {
    /// `s.chars()`
    Chars,
    /// `s.chars().rev()`: from the last `char` to the first.
    CharsRev,
    /// `s.bytes()`: each `u8`.
    Bytes,
}

/// The text a `for` loop's iterator walks and how: `s.chars()`, `s.chars().rev()`,
/// `s.bytes()`.
pub(crate) fn text_walk(range: &Expr) -> Option<(&Expr, TextWalk)> {
    let ExprKind::MethodCall {
        receiver,
        method,
        args,
        ..
    } = &range.kind
    else {
        return None;
    };
    if !args.is_empty() {
        return None;
    }
    match method.as_str() {
        "chars" => Some((receiver, TextWalk::Chars)),
        "bytes" => Some((receiver, TextWalk::Bytes)),
        "rev" => match &receiver.kind {
            ExprKind::MethodCall {
                receiver: text,
                method,
                args,
                ..
            } if method == "chars" && args.is_empty() => Some((text, TextWalk::CharsRev)),
            _ => None,
        },
        _ => None,
    }
}

/// A place as rustc names it in messages: `p.x`, `a[_]`.
pub fn place_text(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Path(segs) => segs
            .iter()
            .map(|s| s.0.as_str())
            .collect::<Vec<_>>()
            .join("::"),
        ExprKind::Field { base, name, .. } => format!("{}.{name}", place_text(base)),
        ExprKind::Index(base, _) => format!("{}[_]", place_text(base)),
        ExprKind::Deref(inner) => format!("*{}", place_text(inner)),
        _ => "_".into(),
    }
}

/// `alloc`, `dealloc` and the raw arrays in a Rust-mode program.
fn rust_mode_error(span: Span, name: &str) -> Diagnostic {
    let (msg, code) = if name.ends_with("_bytes") {
        (format!("cannot find value `{name}` in this scope"), "E0425")
    } else {
        (
            format!("cannot find function `{name}` in this scope"),
            "E0425",
        )
    };
    err(DiagnosticKind::Name, span, msg)
        .with_code(code)
        .with_span_label("only in manual memory mode")
        .with_note("in Rust, memory is freed when its owner goes out of scope; to free a value early, call `drop(v)`")
        .with_note("to call `alloc` and `dealloc` and use `heap_bytes` and `stack_bytes` yourself, switch to manual memory mode: write `// stackheap: mode=manual` at the top")
}

/// Whether the standard library has a method of this name on one of the types programs use
/// (integers, `bool`, `char`, `str` and `String`, slices and `Vec`, `Option`, `Box`, and
/// the iterators they make): calling one the engine does not know is "not supported yet",
/// never E0599, which is left for names no such type has.
fn std_method(name: &str) -> bool {
    const NAMES: &[&str] = &[
        // Integers and `bool`.
        "abs",
        "abs_diff",
        "checked_add",
        "checked_sub",
        "checked_mul",
        "checked_div",
        "checked_rem",
        "checked_neg",
        "checked_pow",
        "checked_shl",
        "checked_shr",
        "saturating_add",
        "saturating_sub",
        "saturating_mul",
        "saturating_pow",
        "overflowing_add",
        "overflowing_sub",
        "overflowing_mul",
        "wrapping_div",
        "wrapping_rem",
        "wrapping_neg",
        "wrapping_pow",
        "wrapping_shl",
        "wrapping_shr",
        "pow",
        "signum",
        "is_positive",
        "is_negative",
        "count_ones",
        "count_zeros",
        "leading_zeros",
        "trailing_zeros",
        "rotate_left",
        "rotate_right",
        "swap_bytes",
        "reverse_bits",
        "to_be",
        "to_le",
        "to_be_bytes",
        "to_le_bytes",
        "to_ne_bytes",
        "rem_euclid",
        "div_euclid",
        "isqrt",
        "ilog",
        "ilog2",
        "ilog10",
        "clamp",
        "is_power_of_two",
        "next_power_of_two",
        "midpoint",
        "then",
        "then_some",
        // Comparison and conversion traits.
        "cmp",
        "partial_cmp",
        "eq",
        "ne",
        "lt",
        "le",
        "gt",
        "ge",
        "max",
        "min",
        "into",
        "try_into",
        "from",
        "to_owned",
        "to_string",
        "clone",
        "clone_from",
        "hash",
        "borrow",
        "borrow_mut",
        "as_ref",
        "as_mut",
        "fmt",
        "default",
        // `char`.
        "len_utf8",
        "len_utf16",
        "encode_utf8",
        "encode_utf16",
        "escape_debug",
        "escape_default",
        "escape_unicode",
        "is_alphabetic",
        "is_numeric",
        "is_alphanumeric",
        "is_whitespace",
        "is_uppercase",
        "is_lowercase",
        "is_control",
        "is_digit",
        "to_digit",
        "is_ascii",
        "is_ascii_alphabetic",
        "is_ascii_uppercase",
        "is_ascii_lowercase",
        "is_ascii_alphanumeric",
        "is_ascii_digit",
        "is_ascii_hexdigit",
        "is_ascii_punctuation",
        "is_ascii_graphic",
        "is_ascii_whitespace",
        "is_ascii_control",
        "is_ascii_octdigit",
        "to_ascii_uppercase",
        "to_ascii_lowercase",
        "eq_ignore_ascii_case",
        "make_ascii_uppercase",
        "make_ascii_lowercase",
        "to_uppercase",
        "to_lowercase",
        // `str` and `String`.
        "len",
        "is_empty",
        "chars",
        "char_indices",
        "bytes",
        "lines",
        "split",
        "split_whitespace",
        "split_ascii_whitespace",
        "splitn",
        "rsplit",
        "rsplitn",
        "split_terminator",
        "split_once",
        "rsplit_once",
        "split_at",
        "split_inclusive",
        "trim",
        "trim_start",
        "trim_end",
        "trim_matches",
        "trim_start_matches",
        "trim_end_matches",
        "strip_prefix",
        "strip_suffix",
        "starts_with",
        "ends_with",
        "contains",
        "find",
        "rfind",
        "matches",
        "match_indices",
        "replace",
        "replacen",
        "parse",
        "repeat",
        "get",
        "get_mut",
        "is_char_boundary",
        "as_str",
        "as_bytes",
        "as_mut_str",
        "into_bytes",
        "into_boxed_str",
        "push",
        "push_str",
        "pop",
        "insert",
        "insert_str",
        "remove",
        "retain",
        "truncate",
        "clear",
        "drain",
        "extend",
        "reserve",
        "reserve_exact",
        "shrink_to_fit",
        "shrink_to",
        "split_off",
        "capacity",
        "char_count",
        // Slices and `Vec`.
        "iter",
        "iter_mut",
        "into_iter",
        "first",
        "last",
        "first_mut",
        "last_mut",
        "split_first",
        "split_last",
        "split_at_mut",
        "sort",
        "sort_by",
        "sort_by_key",
        "sort_unstable",
        "sort_unstable_by",
        "sort_unstable_by_key",
        "dedup",
        "dedup_by",
        "dedup_by_key",
        "reverse",
        "swap",
        "swap_remove",
        "append",
        "extend_from_slice",
        "resize",
        "resize_with",
        "fill",
        "chunks",
        "chunks_exact",
        "windows",
        "concat",
        "join",
        "binary_search",
        "to_vec",
        "into_boxed_slice",
        "copy_from_slice",
        "clone_from_slice",
        "rotate_left",
        "rotate_right",
        "contains",
        "position",
        "is_sorted",
        "with_capacity",
        "leak",
        "as_slice",
        "as_mut_slice",
        "splice",
        // `Option`.
        "unwrap",
        "expect",
        "unwrap_or",
        "unwrap_or_else",
        "unwrap_or_default",
        "map",
        "map_or",
        "map_or_else",
        "and",
        "and_then",
        "or",
        "or_else",
        "xor",
        "filter",
        "ok_or",
        "ok_or_else",
        "is_some",
        "is_none",
        "is_some_and",
        "is_none_or",
        "take",
        "replace",
        "get_or_insert",
        "get_or_insert_with",
        "as_deref",
        "as_deref_mut",
        "copied",
        "cloned",
        "zip",
        "flatten",
        "unzip",
        "inspect",
        // Iterators.
        "next",
        "next_back",
        "count",
        "sum",
        "product",
        "collect",
        "enumerate",
        "rev",
        "skip",
        "skip_while",
        "take_while",
        "step_by",
        "chain",
        "cycle",
        "peekable",
        "fold",
        "any",
        "all",
        "for_each",
        "filter_map",
        "flat_map",
        "find_map",
        "max_by",
        "min_by",
        "max_by_key",
        "min_by_key",
        "last",
        "nth",
        "scan",
        "fuse",
        "partition",
        "sum",
        "copied",
    ];
    NAMES.contains(&name)
}

/// In a chain of method calls ending at `e` that starts from an iterator (`v.iter()`,
/// `s.chars()`, ...), the first iterator method after it that the engine does not run
/// (`.skip(..)` in `v.iter().enumerate().skip(1)`), with its name's span.
fn unsupported_iterator_method(e: &Expr) -> Option<(&str, Span)> {
    const SOURCES: [&str; 6] = [
        "iter",
        "iter_mut",
        "into_iter",
        "chars",
        "bytes",
        "char_indices",
    ];
    const RUN: [&str; 2] = ["enumerate", "rev"];
    const ITERATOR: [&str; 38] = [
        "map",
        "filter",
        "filter_map",
        "skip",
        "take",
        "zip",
        "copied",
        "cloned",
        "fold",
        "any",
        "all",
        "find",
        "position",
        "max",
        "min",
        "collect",
        "for_each",
        "flat_map",
        "chain",
        "step_by",
        "peekable",
        "last",
        "nth",
        "product",
        "skip_while",
        "take_while",
        "inspect",
        "sum",
        "count",
        "scan",
        "fuse",
        "cycle",
        "partition",
        "find_map",
        "flatten",
        "next",
        "max_by_key",
        "min_by_key",
    ];
    let mut chain = Vec::new();
    let mut cur = e;
    while let ExprKind::MethodCall {
        receiver,
        method,
        method_span,
        ..
    } = &cur.kind
    {
        if SOURCES.contains(&method.as_str()) {
            return chain
                .into_iter()
                .rev()
                .find(|(m, _): &(&str, Span)| !RUN.contains(m))
                .filter(|(m, _)| ITERATOR.contains(m));
        }
        chain.push((method.as_str(), *method_span));
        cur = receiver;
    }
    None
}

/// The `ref mut` names of a pattern, each with the path to its part as rustc writes it
/// after the matched place (`.hits`, `.0`) and its span.
fn ref_mut_names(pat: &Pat, path: &mut String, out: &mut Vec<(String, Span)>) {
    match pat {
        Pat::Bind {
            by_ref: Some(true),
            span,
            ..
        } => out.push((path.clone(), *span)),
        Pat::Tuple(items, _) | Pat::TupleStruct { items, .. } => {
            for (i, p) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!(".{i}"));
                ref_mut_names(p, path, out);
                path.truncate(len);
            }
        }
        Pat::Struct { fields, .. } => {
            for (name, _, p) in fields {
                let len = path.len();
                path.push('.');
                path.push_str(name);
                ref_mut_names(p, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
