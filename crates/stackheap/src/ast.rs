//! The syntax tree the parser builds: functions, statements, expressions and written types.

use crate::span::Span;

/// Every expression has an id, used by later passes to attach types and resolutions.
pub type ExprId = u32;

#[derive(Debug, Default)]
pub struct File {
    pub functions: Vec<Function>,
    pub structs: Vec<StructItem>,
    /// How many expression ids were handed out.
    pub expr_count: u32,
    /// Generic arguments written on a path (turbofish: `Vec::<i32>::new`, `None::<u8>`), by
    /// the path expression's id: the segment they follow and the types.
    pub turbofish: crate::maps::IdMap<(usize, Vec<TypeExpr>)>,
}

#[derive(Debug)]
pub struct Function {
    /// The function's name; for a function in `impl Point`, the bare name (`new`).
    pub name: String,
    /// The struct whose `impl` block holds this function, if any.
    pub impl_of: Option<(String, Span)>,
    pub name_span: Span,
    /// The lifetime parameters in scope: the function's own (`fn f<'a>`) and its `impl`'s.
    pub lifetimes: Vec<(String, Span)>,
    /// The lifetimes `Self` is written with in its `impl` (`impl<'a> Excerpt<'a>`).
    pub impl_args: Vec<(String, Span)>,
    pub params: Vec<Param>,
    pub ret: Option<TypeExpr>,
    pub body: Block,
    pub span: Span,
}

/// A `struct` item with the attributes the engine reads.
#[derive(Debug)]
pub struct StructItem {
    pub name: String,
    pub name_span: Span,
    /// `struct Name`
    pub head_span: Span,
    pub kind: crate::types::StructKind,
    /// Field names (`0`, `1`, ... for tuple structs), their types and spans.
    pub fields: Vec<(String, TypeExpr, Span)>,
    /// `#[repr(C)]`
    pub repr_c: bool,
    /// The traits named in `#[derive(...)]`, with their spans.
    pub derives: Vec<(String, Span)>,
    /// Its lifetime parameters (`struct Excerpt<'a>`).
    pub lifetimes: Vec<(String, Span)>,
}

#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub mutable: bool,
    pub ty: TypeExpr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
    /// Lifetimes written here: after the `&` of a reference (`&'a T`), or as a path's
    /// generic arguments (`Excerpt<'a>`).
    pub lifetimes: Vec<(String, Span)>,
}

impl TypeExpr {
    pub fn new(kind: TypeExprKind, span: Span) -> TypeExpr {
        TypeExpr {
            kind,
            span,
            lifetimes: Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
pub enum TypeExprKind {
    /// A named type with optional generic arguments, such as `u8` or `Vec<i32>`.
    Path(String, Vec<TypeExpr>),
    Unit,
    /// `(A, B)`
    Tuple(Vec<TypeExpr>),
    /// `&T` (false) or `&mut T` (true)
    Ref(bool, Box<TypeExpr>),
    /// `[T; N]`
    Array(Box<TypeExpr>, u64),
    /// `[T]` (behind `&`)
    Slice(Box<TypeExpr>),
    /// `_` in a type position: to be inferred.
    Infer,
    /// Something the parser read but the engine does not support (already reported).
    Error,
}

#[derive(Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub tail: Option<Box<Expr>>,
    pub span: Span,
}

#[derive(Debug)]
pub enum Stmt {
    Let {
        name: String,
        name_span: Span,
        mutable: bool,
        ty: Option<TypeExpr>,
        init: Expr,
        span: Span,
    },
    /// `let x;` or `let x: T;`: a variable given its value later (`x = ...;`). `id` keys
    /// the local it declares.
    Decl {
        id: ExprId,
        name: String,
        name_span: Span,
        mutable: bool,
        ty: Option<TypeExpr>,
        span: Span,
    },
    /// `let PATTERN = init;` with a destructuring pattern.
    LetPat {
        pat: Pat,
        ty: Option<TypeExpr>,
        init: Expr,
        span: Span,
    },
    /// An expression statement; `semi` tells whether a `;` followed it.
    Expr { expr: Expr, semi: bool },
}

/// A pattern: in `let`, `match` arms, `if let` and `while let`.
#[derive(Clone, Debug)]
pub enum Pat {
    Bind {
        name: String,
        span: Span,
        mutable: bool,
        /// `ref x` (`Some(false)`) or `ref mut x` (`Some(true)`): a reference to the part.
        by_ref: Option<bool>,
    },
    Wild(Span),
    /// `(a, b)`
    Tuple(Vec<Pat>, Span),
    /// `Point { x, y: py, .. }`: fields with their patterns, and whether `..` ends it.
    Struct {
        name: String,
        name_span: Span,
        fields: Vec<(String, Span, Pat)>,
        rest: bool,
        span: Span,
    },
    /// `Pair(a, b)`, and `Some(p)`
    TupleStruct {
        name: String,
        name_span: Span,
        items: Vec<Pat>,
        span: Span,
    },
    /// An integer literal (possibly negative) in `match`, or a `char` literal (`is_char`).
    Lit {
        value: i128,
        is_char: bool,
        span: Span,
    },
    /// `true` or `false`.
    Bool(bool, Span),
    /// A string literal, matched against a `&str`.
    Str(String, Span),
    /// `lo..=hi` (`inclusive`) or `lo..hi`; an end not written is [`RANGE_OPEN_LO`] or
    /// [`RANGE_OPEN_HI`].
    Range {
        lo: i128,
        hi: i128,
        inclusive: bool,
        is_char: bool,
        span: Span,
    },
    /// `a | b | c`
    Or(Vec<Pat>, Span),
    /// `&p`: matches what a shared reference points to, binding by value from there on.
    Ref(Box<Pat>, Span),
}

impl Pat {
    /// Where the whole pattern is written.
    pub fn span(&self) -> Span {
        match self {
            Pat::Bind { span, .. }
            | Pat::Wild(span)
            | Pat::Tuple(_, span)
            | Pat::Struct { span, .. }
            | Pat::TupleStruct { span, .. }
            | Pat::Lit { span, .. }
            | Pat::Bool(_, span)
            | Pat::Str(_, span)
            | Pat::Range { span, .. }
            | Pat::Or(_, span)
            | Pat::Ref(_, span) => *span,
        }
    }
}

/// The start of a range pattern written without one (`..=5`).
pub const RANGE_OPEN_LO: i128 = i128::MIN;
/// The end of a range pattern written without one (`5..`), with `inclusive` set.
pub const RANGE_OPEN_HI: i128 = i128::MAX;

/// One arm of a `match`: `pat if guard => body`.
#[derive(Debug)]
pub struct Arm {
    pub pat: Pat,
    pub guard: Option<Expr>,
    pub body: Expr,
}

#[derive(Debug)]
pub struct Expr {
    pub id: ExprId,
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::And => "&&",
            BinOp::Or => "||",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
}

/// Which formatting macro a [`ExprKind::Format`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatMacro {
    Println,
    Print,
    Eprintln,
    Eprint,
    Panic,
    /// `format!`: makes a `String`.
    Format,
}

#[derive(Debug)]
pub enum ExprKind {
    Int {
        value: u128,
        suffix: Option<(String, Span)>,
    },
    Bool(bool),
    /// A string literal: a `&'static str` whose bytes are in the read-only area.
    Str(String),
    /// A character literal.
    Char(char),
    /// A byte string literal `b"abc"`: a `&[u8; N]` to bytes in the read-only area.
    ByteStr(Vec<u8>),
    /// A path such as `x`, `Vec::new` or `i32::MAX`.
    Path(Vec<(String, Span)>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Assign(Box<Expr>, Box<Expr>),
    CompoundAssign(BinOp, Box<Expr>, Box<Expr>),
    Cast(Box<Expr>, TypeExpr),
    Call(Box<Expr>, Vec<Expr>),
    MethodCall {
        receiver: Box<Expr>,
        method: String,
        method_span: Span,
        args: Vec<Expr>,
    },
    Index(Box<Expr>, Box<Expr>),
    Block(Block),
    If(Box<Expr>, Block, Option<Box<Expr>>),
    While(Box<Expr>, Block),
    Loop(Block),
    For {
        var: String,
        var_span: Span,
        mutable: bool,
        /// A destructuring pattern (`for (i, x) in ...`, `for &x in ...`) instead of a name.
        pat: Option<Pat>,
        range: Box<Expr>,
        body: Block,
    },
    Range {
        start: Box<Expr>,
        end: Box<Expr>,
        inclusive: bool,
    },
    Break(Option<Box<Expr>>),
    Continue,
    Return(Option<Box<Expr>>),
    /// `base.name`, or `base.0` for tuples and tuple structs.
    Field {
        base: Box<Expr>,
        name: String,
        name_span: Span,
    },
    /// `Point { x: 1, y, ..base }`; a field written as `y` alone is a path expression.
    StructLit {
        name: String,
        name_span: Span,
        fields: Vec<(String, Span, Expr)>,
        base: Option<Box<Expr>>,
    },
    /// `(a, b)`
    Tuple(Vec<Expr>),
    /// `&place` or `&mut place`
    AddrOf {
        mutable: bool,
        inner: Box<Expr>,
    },
    /// `*r`
    Deref(Box<Expr>),
    /// `[a, b, c]`
    ArrayList(Vec<Expr>),
    /// `[value; N]` with `N` an integer literal.
    ArrayRepeat(Box<Expr>, u64),
    /// `std::mem::size_of::<T>()` (`align` false) or `align_of::<T>()`.
    MemQuery {
        ty: TypeExpr,
        align: bool,
    },
    /// `vec![a, b, c]`
    VecList(Vec<Expr>),
    /// `vec![value; count]`
    VecRepeat(Box<Expr>, Box<Expr>),
    /// `println!` and friends: the format string, its span, and the arguments.
    Format {
        mac: FormatMacro,
        template: String,
        template_span: Span,
        args: Vec<Expr>,
    },
    /// A range missing its start or end (`..`, `a..`, `..b`, `..=b`): slicing only.
    OpenRange {
        start: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
        inclusive: bool,
    },
    /// `match scrutinee { arms }`; `if let` and `while let` are parsed into it.
    Match {
        scrutinee: Box<Expr>,
        arms: Vec<Arm>,
    },
    /// Something already reported as an error; checking it reports nothing more.
    Error,
}
