//! Recursive-descent parser from tokens to the syntax tree. It recovers at statement and item
//! boundaries so one mistake does not hide the rest, returning what it could parse plus errors,
//! and it refuses nesting deeper than [`MAX_DEPTH`] instead of overflowing its own stack.

use crate::ast::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lexer::{Token, TokenKind};
use crate::settings::PtrWidth;
use crate::span::Span;
use crate::types::IntTy;

/// Deepest nesting of blocks and expressions the parser accepts.
pub const MAX_DEPTH: u32 = 128;

pub struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    next_id: ExprId,
    depth: u32,
    /// Set once nesting went too deep: parsing stops.
    abandoned: bool,
    /// Inside an `if`/`while` condition or a `for` head: `Name {` is not a struct literal.
    no_struct: bool,
    /// Generic arguments written on paths (see [`File::turbofish`]).
    turbofish: crate::maps::IdMap<(usize, Vec<TypeExpr>)>,
    pub diags: Vec<Diagnostic>,
    /// The pointer width, for the bounds of `usize` and `isize` in patterns and constants.
    ptr: PtrWidth,
    /// The values of the program's `const` items, by name: a use of one is its value.
    consts: Vec<(String, ConstVal)>,
}

/// The value of a `const` item.
#[derive(Clone, Debug)]
enum ConstVal {
    Int(i128, IntTy),
    Bool(bool),
    Char(char),
    Str(String),
}

/// What an item parsed into.
enum Item {
    Fn(Function),
    Impl(Vec<Function>),
    Struct(StructItem),
}

/// The attributes before an item that the engine reads.
#[derive(Default)]
struct Attrs {
    repr_c: bool,
    derives: Vec<(String, Span)>,
}

type PResult<T> = Result<T, ()>;

fn unsupported(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        DiagnosticKind::Unsupported,
        span,
        format!("{what} is not supported yet"),
    )
    .with_note(
        "stackheap runs a subset of Rust: functions, integers, bool, char, structs, tuples, \
         arrays, references and slices, `Vec`, `String`, `Box` and `Option`, loops, `match` and \
         `println!`",
    )
}

pub fn parse(tokens: Vec<Token>, ptr: PtrWidth) -> (File, Vec<Diagnostic>) {
    let mut p = Parser {
        tokens,
        pos: 0,
        next_id: 0,
        depth: 0,
        abandoned: false,
        no_struct: false,
        turbofish: Default::default(),
        diags: Vec::new(),
        ptr,
        consts: Vec::new(),
    };
    p.collect_consts();
    let mut file = File::default();
    while !p.at_eof() && !p.abandoned {
        let before = p.pos;
        match p.item() {
            Ok(Some(Item::Fn(f))) => file.functions.push(f),
            Ok(Some(Item::Impl(fs))) => file.functions.extend(fs),
            Ok(Some(Item::Struct(st))) => file.structs.push(st),
            Ok(None) => {}
            Err(()) => p.skip_item(),
        }
        if p.pos == before {
            p.bump();
        }
    }
    file.expr_count = p.next_id;
    file.turbofish = std::mem::take(&mut p.turbofish);
    (file, p.diags)
}

impl Parser {
    /// Reads the `const` items at the top level first, in order, so that their uses
    /// anywhere (expressions, patterns, array lengths) are their values.
    fn collect_consts(&mut self) {
        let mut depth = 0i32;
        let mut i = 0;
        while i < self.tokens.len() {
            match &self.tokens[i].kind {
                TokenKind::Punct("{" | "(" | "[") => depth += 1,
                TokenKind::Punct("}" | ")" | "]") => depth -= 1,
                TokenKind::Ident(k)
                    if k == "const"
                        && depth == 0
                        && matches!(
                            self.tokens.get(i + 1).map(|t| &t.kind),
                            Some(TokenKind::Ident(_))
                        ) =>
                {
                    self.pos = i;
                    let _ = self.const_item();
                    i = self.pos.max(i + 1);
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        self.pos = 0;
    }

    /// `const NAME: TYPE = VALUE;` of an integer type, `bool`, `char` or `&str`, its value
    /// made of literals, other constants, `i32::MAX`-style bounds, arithmetic and `as`.
    fn const_item(&mut self) -> PResult<()> {
        let start = self.span();
        self.bump();
        let (name, _) = self.ident()?;
        self.expect_punct(":")?;
        let ty = self.type_expr()?;
        self.expect_punct("=")?;
        let init = self.expr()?;
        self.expect_punct(";")?;
        let span = start.to(self.prev_span());
        let value = match &ty.kind {
            TypeExprKind::Path(n, args) if args.is_empty() => match n.as_str() {
                "bool" => match init.kind {
                    ExprKind::Bool(b) => Some(ConstVal::Bool(b)),
                    _ => None,
                },
                "char" => match init.kind {
                    ExprKind::Char(c) => Some(ConstVal::Char(c)),
                    _ => None,
                },
                _ => IntTy::from_name(n).and_then(|t| {
                    let v = self.const_int(&init)?;
                    (t.min(self.ptr)..=t.max(self.ptr))
                        .contains(&v)
                        .then_some(ConstVal::Int(v, t))
                }),
            },
            TypeExprKind::Ref(false, inner) => match (&inner.kind, &init.kind) {
                (TypeExprKind::Path(n, _), ExprKind::Str(text)) if n == "str" => {
                    Some(ConstVal::Str(text.clone()))
                }
                _ => None,
            },
            _ => None,
        };
        if let (None, TypeExprKind::Path(n, _), ExprKind::Int { value, .. }) =
            (&value, &ty.kind, &init.kind)
        {
            if let Some(t) = IntTy::from_name(n) {
                // A literal too big for the type, as rustc's lint reports it.
                let (lo, hi) = (t.min(self.ptr), t.max(self.ptr));
                self.diags.push(
                    Diagnostic::error(
                        DiagnosticKind::Lint,
                        init.span,
                        format!("literal out of range for `{}`", t.name()),
                    )
                    .with_note(format!(
                        "the literal `{value}` does not fit into the type `{}` whose range is `{lo}..={hi}`",
                        t.name()
                    ))
                    .with_note("`#[deny(overflowing_literals)]` on by default"),
                );
                return Ok(());
            }
        }
        match value {
            Some(v) => self.consts.push((name, v)),
            None => self.report_unsupported(
                span,
                "a `const` item other than an integer, `bool`, `char` or `&str` value the engine can compute",
            ),
        }
        Ok(())
    }

    /// The value of an integer constant's expression, when it is one the engine computes.
    fn const_int(&self, e: &Expr) -> Option<i128> {
        match &e.kind {
            ExprKind::Int { value, .. } => i128::try_from(*value).ok(),
            ExprKind::Unary(UnOp::Neg, inner) => self.const_int(inner)?.checked_neg(),
            ExprKind::Cast(inner, _) => self.const_int(inner),
            ExprKind::Path(segs) => match segs.as_slice() {
                [(t, _), (which, _)] => {
                    let t = IntTy::from_name(t)?;
                    match which.as_str() {
                        "MIN" => Some(t.min(self.ptr)),
                        "MAX" => Some(t.max(self.ptr)),
                        _ => None,
                    }
                }
                _ => None,
            },
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.const_int(a)?, self.const_int(b)?);
                match op {
                    BinOp::Add => a.checked_add(b),
                    BinOp::Sub => a.checked_sub(b),
                    BinOp::Mul => a.checked_mul(b),
                    BinOp::Div => a.checked_div(b),
                    BinOp::Rem => a.checked_rem(b),
                    BinOp::Shl => u32::try_from(b).ok().and_then(|b| a.checked_shl(b)),
                    BinOp::Shr => u32::try_from(b).ok().and_then(|b| a.checked_shr(b)),
                    BinOp::BitAnd => Some(a & b),
                    BinOp::BitOr => Some(a | b),
                    BinOp::BitXor => Some(a ^ b),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The value of the `const` item named `name`.
    fn const_value(&self, name: &str) -> Option<&ConstVal> {
        self.consts.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The value of an integer `const` item named by the identifier at `n` tokens ahead.
    fn const_int_ahead(&self, n: usize) -> Option<i128> {
        match self.peek_at(n) {
            TokenKind::Ident(name) => match self.const_value(name) {
                Some(ConstVal::Int(v, _)) => Some(*v),
                _ => None,
            },
            _ => None,
        }
    }

    /// A use of a `const` item as an expression: its value, as a literal of its type.
    fn const_expr(&mut self, value: ConstVal, span: Span) -> Expr {
        let kind = match value {
            ConstVal::Bool(b) => ExprKind::Bool(b),
            ConstVal::Char(c) => ExprKind::Char(c),
            ConstVal::Str(s) => ExprKind::Str(s),
            ConstVal::Int(v, t) => {
                let lit = ExprKind::Int {
                    value: v.unsigned_abs(),
                    suffix: Some((t.name().to_string(), span)),
                };
                if v < 0 {
                    let inner = self.new_expr(lit, span);
                    ExprKind::Unary(UnOp::Neg, Box::new(inner))
                } else {
                    lit
                }
            }
        };
        self.new_expr(kind, span)
    }

    fn peek(&self) -> &TokenKind {
        &self.tokens[self.pos].kind
    }

    fn peek_at(&self, n: usize) -> &TokenKind {
        let i = (self.pos + n).min(self.tokens.len() - 1);
        &self.tokens[i].kind
    }

    fn span(&self) -> Span {
        self.tokens[self.pos].span
    }

    fn prev_span(&self) -> Span {
        self.tokens[self.pos.saturating_sub(1)].span
    }

    fn at_eof(&self) -> bool {
        matches!(self.peek(), TokenKind::Eof)
    }

    /// Moves past the current token (staying on the final end-of-file token); returns the
    /// span of the token moved past.
    fn bump(&mut self) -> Span {
        let span = self.span();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        span
    }

    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), TokenKind::Punct(q) if *q == p)
    }

    fn is_keyword(&self, k: &str) -> bool {
        matches!(self.peek(), TokenKind::Ident(s) if s == k)
    }

    fn eat_punct(&mut self, p: &str) -> bool {
        if self.is_punct(p) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_keyword(&mut self, k: &str) -> bool {
        if self.is_keyword(k) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn describe(&self) -> String {
        match self.peek() {
            TokenKind::Ident(s) => format!("`{s}`"),
            TokenKind::Int { .. } => "a number".into(),
            TokenKind::Float => "a floating-point number".into(),
            TokenKind::Str(_) => "a string literal".into(),
            TokenKind::Char(_) => "a character literal".into(),
            TokenKind::Byte(_) => "a byte literal".into(),
            TokenKind::ByteStr(_) => "a byte string literal".into(),
            TokenKind::Lifetime(_) => "a lifetime".into(),
            TokenKind::Punct(p) => format!("`{p}`"),
            TokenKind::Eof => "the end of the program".into(),
        }
    }

    fn error_expected(&mut self, what: &str) {
        let found = self.describe();
        let span = self.span();
        self.diags.push(
            Diagnostic::error(
                DiagnosticKind::Syntax,
                span,
                format!("expected {what}, found {found}"),
            )
            .with_span_label(format!("expected {what}")),
        );
    }

    fn expect_punct(&mut self, p: &str) -> PResult<()> {
        if self.eat_punct(p) {
            Ok(())
        } else if p == ";" {
            self.missing_semicolon();
            Err(())
        } else {
            self.error_expected(&format!("`{p}`"));
            Err(())
        }
    }

    fn ident(&mut self) -> PResult<(String, Span)> {
        if let TokenKind::Ident(s) = self.peek() {
            if is_reserved(s) {
                let expected = format!("identifier, found keyword `{s}`");
                self.error_expected(&expected);
                return Err(());
            }
            let s = s.clone();
            let span = self.bump();
            Ok((s, span))
        } else {
            self.error_expected("an identifier");
            Err(())
        }
    }

    /// Reports a construct the engine does not run yet (see [`unsupported`]).
    fn report_unsupported(&mut self, span: Span, what: &str) {
        self.diags.push(unsupported(span, what));
    }

    fn new_expr(&mut self, kind: ExprKind, span: Span) -> Expr {
        let id = self.next_id;
        self.next_id += 1;
        Expr { id, kind, span }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            if !self.abandoned {
                let span = self.span();
                self.diags.push(
                    Diagnostic::error(
                        DiagnosticKind::Syntax,
                        span,
                        format!("the program nests more than {MAX_DEPTH} levels deep here"),
                    )
                    .with_note("stackheap stops reading at this depth; split the expression or block into smaller pieces"),
                );
            }
            self.abandoned = true;
            let last = self.tokens.len() - 1;
            self.pos = last;
            self.depth -= 1;
            return Err(());
        }
        Ok(())
    }

    /// Operator and call chains build trees as deep as they are long: they count as nesting.
    fn check_chain(&mut self, chain: u32) -> PResult<()> {
        if self.depth + chain > MAX_DEPTH {
            self.depth += MAX_DEPTH;
            let r = self.enter();
            self.depth -= MAX_DEPTH;
            return r;
        }
        Ok(())
    }

    /// The length of an array type or `[x; N]`: an integer literal.
    fn array_length(&mut self) -> PResult<u64> {
        if let Some(v) = self.const_int_ahead(0) {
            if let Ok(n) = u32::try_from(v) {
                self.bump();
                return Ok(n as u64);
            }
        }
        match *self.peek() {
            TokenKind::Int {
                value,
                too_large: false,
                ..
            } if value <= u32::MAX as u128 => {
                self.bump();
                Ok(value as u64)
            }
            _ => {
                let span = self.span();
                self.report_unsupported(span, "an array length other than an integer literal");
                Err(())
            }
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Skips a whole item: up to a `;` or a balanced `{...}` at the outer level (over the
    /// groups before it: `fn f<T: Ord>(x: &[T]) -> T { .. }` is skipped to its body's end).
    fn skip_item(&mut self) {
        while !self.at_eof() {
            if self.is_punct("(") || self.is_punct("[") {
                self.skip_group();
                continue;
            }
            if self.is_punct("{") {
                self.skip_group();
                return;
            }
            let end = self.is_punct(";");
            self.bump();
            if end {
                return;
            }
        }
    }

    /// Skips the balanced group `(...)`, `{...}` or `[...]` that starts at the cursor.
    fn skip_group(&mut self) {
        let mut depth = 0i32;
        while !self.at_eof() {
            if self.is_punct("{") || self.is_punct("(") || self.is_punct("[") {
                depth += 1;
            } else if self.is_punct("}") || self.is_punct(")") || self.is_punct("]") {
                depth -= 1;
            }
            self.bump();
            if depth <= 0 {
                return;
            }
        }
    }

    /// Skips the attribute `#[...]` or `#![...]` at the cursor.
    fn skip_attribute(&mut self) {
        self.bump();
        self.eat_punct("!");
        if self.is_punct("[") {
            let mut depth = 0;
            while !self.at_eof() {
                if self.is_punct("[") {
                    depth += 1;
                } else if self.is_punct("]") {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                self.bump();
            }
        }
    }

    /// Reads `#[derive(...)]` and `#[repr(C)]`; skips other attributes.
    fn attributes(&mut self) -> Attrs {
        let mut attrs = Attrs::default();
        while self.is_punct("#") {
            let is = |p: &Parser, n: usize, k: &str| matches!(p.peek_at(n), TokenKind::Ident(s) if s == k);
            let open = matches!(self.peek_at(1), TokenKind::Punct("["));
            if open && is(self, 2, "derive") && matches!(self.peek_at(3), TokenKind::Punct("(")) {
                self.bump();
                self.bump();
                self.bump();
                self.bump();
                while let TokenKind::Ident(name) = self.peek() {
                    let name = name.clone();
                    let sp = self.bump();
                    attrs.derives.push((name, sp));
                    if !self.eat_punct(",") {
                        break;
                    }
                }
                self.eat_punct(")");
                self.eat_punct("]");
                continue;
            }
            if open
                && is(self, 2, "repr")
                && matches!(self.peek_at(3), TokenKind::Punct("("))
                && is(self, 4, "C")
                && matches!(self.peek_at(5), TokenKind::Punct(")"))
            {
                attrs.repr_c = true;
            }
            self.skip_attribute();
        }
        attrs
    }

    fn item(&mut self) -> PResult<Option<Item>> {
        let attrs = self.attributes();
        if self.at_eof() {
            return Ok(None);
        }
        self.eat_keyword("pub");
        if self.is_keyword("fn") {
            return self.function().map(|f| Some(Item::Fn(f)));
        }
        if self.is_keyword("struct") {
            return self.struct_item(attrs).map(|s| Some(Item::Struct(s)));
        }
        if self.is_keyword("impl") {
            return self.impl_item().map(|fs| Some(Item::Impl(fs)));
        }
        if self.is_keyword("use") && self.use_of_std_mem() {
            return Ok(None);
        }
        if self.is_keyword("const") && matches!(self.peek_at(1), TokenKind::Ident(_)) {
            // Read before the other items (`collect_consts`).
            self.skip_item();
            return Ok(None);
        }
        let span = self.span();
        let what = match self.peek() {
            TokenKind::Ident(k) => match k.as_str() {
                "struct" => "`struct`".to_string(),
                "enum" => "`enum`".to_string(),
                "impl" => "`impl`".to_string(),
                "trait" => "`trait`".to_string(),
                "use" => "`use`".to_string(),
                "const" => "`const`".to_string(),
                "static" => "`static`".to_string(),
                "mod" => "`mod`".to_string(),
                "type" => "`type`".to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        };
        if what.is_empty() {
            self.error_expected("an item such as `fn`");
        } else {
            self.report_unsupported(span, &format!("an item of kind {what}"));
        }
        Err(())
    }

    /// `use std::mem;` and `use std::mem::{size_of, align_of};` (and single imports): skipped,
    /// since `size_of` and `mem::size_of` are known without them. Anything else is not.
    fn use_of_std_mem(&mut self) -> bool {
        let is =
            |p: &Parser, n: usize, k: &str| matches!(p.peek_at(n), TokenKind::Ident(s) if s == k);
        if !(is(self, 1, "std")
            && matches!(self.peek_at(2), TokenKind::Punct("::"))
            && is(self, 3, "mem"))
        {
            return false;
        }
        let mut n = 4;
        while !matches!(self.peek_at(n), TokenKind::Punct(";") | TokenKind::Eof) {
            match self.peek_at(n) {
                TokenKind::Ident(s) if matches!(s.as_str(), "size_of" | "align_of" | "self") => {}
                TokenKind::Punct("::" | "{" | "}" | ",") => {}
                _ => return false,
            }
            n += 1;
        }
        for _ in 0..=n {
            self.bump();
        }
        true
    }

    /// `impl Name { fn ... }` and `impl<'a> Name<'a> { fn ... }`; trait impls and impls
    /// generic over types are not supported yet.
    fn impl_item(&mut self) -> PResult<Vec<Function>> {
        let start = self.bump();
        let lifetimes = if self.is_punct("<") {
            self.lifetime_params("a generic `impl`")?
        } else {
            Vec::new()
        };
        let (name, name_span) = self.ident()?;
        let impl_args = if self.is_punct("<") {
            // The struct's lifetime arguments: `impl<'a> Excerpt<'a>`.
            self.lifetime_params("an `impl` for a generic type")?
        } else {
            Vec::new()
        };
        // `impl fmt::Display for P`: a trait by its path.
        let mut end = name_span;
        while self.is_punct("::") && matches!(self.peek_at(1), TokenKind::Ident(_)) {
            self.bump();
            end = self.bump();
        }
        if self.is_keyword("for") || self.is_punct("<") || end != name_span {
            self.report_unsupported(start.to(end), "an `impl` of a trait or a generic `impl`");
            return Err(());
        }
        self.expect_punct("{")?;
        let mut fns = Vec::new();
        while !self.is_punct("}") && !self.at_eof() {
            self.attributes();
            self.eat_keyword("pub");
            if !self.is_keyword("fn") {
                let span = self.span();
                self.report_unsupported(span, "an item other than `fn` inside `impl`");
                return Err(());
            }
            let mut f = self.function()?;
            f.impl_of = Some((name.clone(), name_span));
            f.lifetimes.extend(lifetimes.iter().cloned());
            f.impl_args = impl_args.clone();
            fns.push(f);
        }
        self.expect_punct("}")?;
        Ok(fns)
    }

    /// `<'a, 'b>` after a name: lifetimes only (type parameters and lifetime bounds are not
    /// supported yet; `what` names the item for that message).
    fn lifetime_params(&mut self, what: &str) -> PResult<Vec<(String, Span)>> {
        self.expect_punct("<")?;
        let mut out = Vec::new();
        while !self.is_punct(">") {
            let TokenKind::Lifetime(name) = self.peek() else {
                let span = self.span();
                self.report_unsupported(span, what);
                return Err(());
            };
            let name = name.clone();
            let sp = self.bump();
            if self.is_punct(":") {
                let span = self.span();
                self.report_unsupported(span, "a lifetime bound");
                return Err(());
            }
            out.push((name, sp));
            if !self.eat_punct(",") {
                break;
            }
        }
        self.expect_punct(">")?;
        Ok(out)
    }

    fn struct_item(&mut self, attrs: Attrs) -> PResult<StructItem> {
        let start = self.bump();
        let (name, name_span) = self.ident()?;
        let lifetimes = if self.is_punct("<") {
            self.lifetime_params("a generic struct")?
        } else {
            Vec::new()
        };
        let mut fields = Vec::new();
        let kind = if self.eat_punct(";") {
            crate::types::StructKind::Unit
        } else if self.eat_punct("(") {
            while !self.is_punct(")") {
                self.attributes();
                self.eat_keyword("pub");
                let ty = self.type_expr()?;
                let span = ty.span;
                fields.push((fields.len().to_string(), ty, span));
                if !self.eat_punct(",") {
                    break;
                }
            }
            self.expect_punct(")")?;
            self.expect_punct(";")?;
            crate::types::StructKind::Tuple
        } else if self.eat_punct("{") {
            while !self.is_punct("}") {
                self.attributes();
                self.eat_keyword("pub");
                let (fname, fspan) = self.ident()?;
                self.expect_punct(":")?;
                let ty = self.type_expr()?;
                fields.push((fname, ty, fspan));
                if !self.eat_punct(",") {
                    break;
                }
            }
            self.expect_punct("}")?;
            crate::types::StructKind::Named
        } else {
            self.error_expected("`{`, `(` or `;`");
            return Err(());
        };
        Ok(StructItem {
            name,
            name_span,
            head_span: start.to(name_span),
            kind,
            fields,
            repr_c: attrs.repr_c,
            derives: attrs.derives,
            lifetimes,
        })
    }

    fn function(&mut self) -> PResult<Function> {
        let start = self.bump();
        let (name, name_span) = self.ident()?;
        let lifetimes = if self.is_punct("<") {
            self.lifetime_params("a generic function")?
        } else {
            Vec::new()
        };
        self.expect_punct("(")?;
        let mut params = Vec::new();
        while !self.is_punct(")") {
            let pstart = self.span();
            // `self`, `mut self`, `&self` and `&mut self`: a parameter named `self`.
            let self_ty = TypeExpr::new;
            // `&'a self`: the lifetime comes after the `&`.
            let lt = usize::from(
                self.is_punct("&") && matches!(self.peek_at(1), TokenKind::Lifetime(_)),
            );
            if params.is_empty()
                && (self.is_keyword("self")
                    || self.is_keyword("mut")
                        && matches!(self.peek_at(1), TokenKind::Ident(s) if s == "self")
                    || self.is_punct("&")
                        && (matches!(self.peek_at(1 + lt), TokenKind::Ident(s) if s == "self")
                            || matches!(self.peek_at(1 + lt), TokenKind::Ident(s) if s == "mut")
                                && matches!(self.peek_at(2 + lt), TokenKind::Ident(s) if s == "self")))
            {
                let by_ref = self.eat_punct("&");
                let mut lifetimes = Vec::new();
                if let TokenKind::Lifetime(name) = self.peek() {
                    let name = name.clone();
                    let sp = self.bump();
                    lifetimes.push((name, sp));
                }
                let mutable = self.eat_keyword("mut");
                let sp = self.bump();
                let span = pstart.to(sp);
                let plain = self_ty(TypeExprKind::Path("Self".into(), Vec::new()), span);
                let ty = if by_ref {
                    TypeExpr {
                        lifetimes,
                        ..self_ty(TypeExprKind::Ref(mutable, Box::new(plain)), span)
                    }
                } else {
                    plain
                };
                params.push(Param {
                    name: "self".into(),
                    mutable: mutable && !by_ref,
                    span,
                    ty,
                });
                if !self.eat_punct(",") {
                    break;
                }
                continue;
            }
            let mutable = self.eat_keyword("mut");
            let (pname, _) = self.ident()?;
            self.expect_punct(":")?;
            let ty = self.type_expr()?;
            params.push(Param {
                name: pname,
                mutable,
                span: pstart.to(ty.span),
                ty,
            });
            if !self.eat_punct(",") {
                break;
            }
        }
        self.expect_punct(")")?;
        let ret = if self.eat_punct("->") {
            Some(self.type_expr()?)
        } else {
            None
        };
        if !self.is_punct("{") {
            self.error_expected("`{`");
            return Err(());
        }
        let body = self.block()?;
        Ok(Function {
            name,
            impl_of: None,
            name_span,
            lifetimes,
            impl_args: Vec::new(),
            params,
            ret,
            span: start.to(body.span),
            body,
        })
    }

    /// Whether `[` at the cursor starts an array type `[T; N]` (not a slice `[T]`).
    fn array_type_ahead(&self) -> bool {
        let mut depth = 0;
        let mut n = 0;
        loop {
            match self.peek_at(n) {
                TokenKind::Punct("[" | "(" | "<") => depth += 1,
                TokenKind::Punct("]" | ")" | ">") => {
                    depth -= 1;
                    if depth == 0 {
                        return false;
                    }
                }
                TokenKind::Punct(";") if depth == 1 => return true,
                TokenKind::Eof => return false,
                _ => {}
            }
            n += 1;
            if n > 10_000 {
                return false;
            }
        }
    }

    fn type_expr(&mut self) -> PResult<TypeExpr> {
        self.enter()?;
        let r = self.type_expr_inner();
        self.leave();
        r
    }

    fn type_expr_inner(&mut self) -> PResult<TypeExpr> {
        let start = self.span();
        if self.eat_punct("(") {
            if self.eat_punct(")") {
                return Ok(TypeExpr::new(
                    TypeExprKind::Unit,
                    start.to(self.prev_span()),
                ));
            }
            let mut tys = Vec::new();
            let mut trailing = false;
            while !self.is_punct(")") {
                tys.push(self.type_expr()?);
                trailing = self.eat_punct(",");
                if !trailing {
                    break;
                }
            }
            self.expect_punct(")")?;
            let span = start.to(self.prev_span());
            if tys.len() == 1 && !trailing {
                let t = tys
                    .pop()
                    .unwrap_or(TypeExpr::new(TypeExprKind::Error, span));
                return Ok(TypeExpr { span, ..t });
            }
            return Ok(TypeExpr::new(TypeExprKind::Tuple(tys), span));
        }
        if self.is_punct("[") && self.array_type_ahead() {
            self.bump();
            let elem = self.type_expr()?;
            self.expect_punct(";")?;
            let n = self.array_length()?;
            self.expect_punct("]")?;
            return Ok(TypeExpr::new(
                TypeExprKind::Array(Box::new(elem), n),
                start.to(self.prev_span()),
            ));
        }
        if self.is_punct("[") {
            // `[T]`: a slice type (only behind `&`).
            self.bump();
            let elem = self.type_expr()?;
            self.expect_punct("]")?;
            return Ok(TypeExpr::new(
                TypeExprKind::Slice(Box::new(elem)),
                start.to(self.prev_span()),
            ));
        }
        if self.is_punct("&") || self.is_punct("&&") {
            let double = self.is_punct("&&");
            self.bump();
            // A lifetime (`&'static T`, `&'a T`) says which borrow the reference is part of.
            let mut lifetimes = Vec::new();
            if let TokenKind::Lifetime(name) = self.peek() {
                let name = name.clone();
                let sp = self.bump();
                lifetimes.push((name, sp));
            }
            let mutable = self.eat_keyword("mut");
            let inner = self.type_expr()?;
            let span = start.to(self.prev_span());
            let mut t = TypeExpr {
                kind: TypeExprKind::Ref(mutable, Box::new(inner)),
                span,
                lifetimes,
            };
            if double {
                t = TypeExpr::new(TypeExprKind::Ref(false, Box::new(t)), span);
            }
            return Ok(t);
        }
        if self.is_punct("&") || self.is_punct("[") || self.is_punct("*") {
            let what = if self.is_punct("[") {
                "an array or slice type"
            } else {
                "a reference or pointer type"
            };
            self.report_unsupported(start, what);
            // Read on so the rest of the program is still checked.
            self.bump();
            let _ = self.eat_keyword("mut");
            let _ = self.type_expr();
            return Ok(TypeExpr::new(
                TypeExprKind::Error,
                start.to(self.prev_span()),
            ));
        }
        if self.is_keyword("_") {
            self.bump();
            return Ok(TypeExpr::new(TypeExprKind::Infer, start));
        }
        let (mut name, _) = self.ident()?;
        while self.is_punct("::") {
            self.bump();
            let (seg, _) = self.ident()?;
            name = format!("{name}::{seg}");
        }
        let mut args = Vec::new();
        let mut lifetimes = Vec::new();
        if self.eat_punct("<") {
            loop {
                // Lifetime arguments (`Excerpt<'a>`) come first.
                if let TokenKind::Lifetime(lt) = self.peek() {
                    let lt = lt.clone();
                    let sp = self.bump();
                    lifetimes.push((lt, sp));
                } else {
                    args.push(self.type_expr()?);
                }
                if !self.eat_punct(",") || self.is_punct(">") {
                    break;
                }
            }
            if self.is_punct(">>") {
                // Split `>>` closing two generic lists.
                let sp = self.span();
                self.tokens[self.pos] = Token {
                    kind: TokenKind::Punct(">"),
                    span: Span::new(sp.start as usize + 1, sp.end as usize),
                };
            } else {
                self.expect_punct(">")?;
            }
        }
        Ok(TypeExpr {
            kind: TypeExprKind::Path(name, args),
            span: start.to(self.prev_span()),
            lifetimes,
        })
    }

    pub fn block(&mut self) -> PResult<Block> {
        self.enter()?;
        let r = self.block_inner();
        self.leave();
        r
    }

    fn block_inner(&mut self) -> PResult<Block> {
        let start = self.span();
        self.expect_punct("{")?;
        let mut stmts = Vec::new();
        let mut tail = None;
        loop {
            if self.abandoned {
                return Err(());
            }
            if self.is_punct("}") || self.at_eof() {
                break;
            }
            if self.eat_punct(";") {
                continue;
            }
            let before = self.pos;
            match self.stmt() {
                Ok(Some(Stmt::Expr { expr, semi: false })) if self.is_punct("}") => {
                    tail = Some(Box::new(expr));
                    break;
                }
                Ok(Some(s)) => stmts.push(s),
                Ok(None) => {}
                Err(()) => {
                    if self.abandoned {
                        return Err(());
                    }
                    self.recover_stmt();
                    if self.pos == before {
                        self.bump();
                    }
                }
            }
        }
        if self.at_eof() {
            self.diags.push(
                Diagnostic::error(DiagnosticKind::Syntax, start, "this block is never closed")
                    .with_span_label("unclosed delimiter"),
            );
            return Err(());
        }
        let end = self.bump();
        Ok(Block {
            stmts,
            tail,
            span: start.to(end),
        })
    }

    /// After an error inside a block: skip to the next `;` or to the block's `}`.
    fn recover_stmt(&mut self) {
        let mut depth = 0i32;
        while !self.at_eof() {
            if self.is_punct("{") || self.is_punct("(") || self.is_punct("[") {
                depth += 1;
            } else if self.is_punct("}") || self.is_punct(")") || self.is_punct("]") {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            } else if self.is_punct(";") && depth == 0 {
                self.bump();
                return;
            }
            self.bump();
        }
    }

    fn stmt(&mut self) -> PResult<Option<Stmt>> {
        while self.is_punct("#") {
            self.skip_attribute();
        }
        if self.is_keyword("let") {
            return self.let_stmt().map(Some);
        }
        if self.is_keyword("fn")
            || self.is_keyword("struct")
            || self.is_keyword("use")
            || self.is_keyword("const")
            || self.is_keyword("static")
            || self.is_keyword("impl")
            || self.is_keyword("enum")
        {
            let span = self.span();
            self.report_unsupported(span, "an item inside a function");
            self.skip_item();
            return Ok(None);
        }
        let block_like = self.is_punct("{")
            || self.is_keyword("if")
            || self.is_keyword("while")
            || self.is_keyword("loop")
            || self.is_keyword("for");
        let expr = if block_like {
            // A statement that starts with a block-like expression ends with it.
            self.enter()?;
            let e = self.primary();
            self.leave();
            e?
        } else {
            self.expr()?
        };
        if block_like && self.is_punct(".") {
            let span = self.span();
            self.report_unsupported(
                span,
                "a method call on a block-like expression at the start of a statement",
            );
            return Err(());
        }
        if self.eat_punct(";") {
            return Ok(Some(Stmt::Expr { expr, semi: true }));
        }
        if self.is_punct("}") || is_block_like(&expr) {
            return Ok(Some(Stmt::Expr { expr, semi: false }));
        }
        self.missing_semicolon();
        Err(())
    }

    /// rustc points just past the previous token when a `;` is missing.
    fn missing_semicolon(&mut self) {
        let found = self.describe();
        let at = self.prev_span().end as usize;
        self.diags.push(
            Diagnostic::error(
                DiagnosticKind::Syntax,
                Span::new(at, at),
                format!("expected `;`, found {found}"),
            )
            .with_span_label("expected `;`"),
        );
    }

    /// A pattern: a name, `_`, a tuple, or a struct or tuple struct.
    fn pat(&mut self) -> PResult<Pat> {
        self.enter()?;
        let r = self.pat_inner();
        self.leave();
        r
    }

    /// A pattern with alternatives: `1 | 2 | 3` (in `match`, `if let` and `while let`).
    fn pat_or(&mut self) -> PResult<Pat> {
        let start = self.span();
        self.eat_punct("|");
        let first = self.pat()?;
        if !self.is_punct("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_punct("|") {
            alts.push(self.pat()?);
        }
        Ok(Pat::Or(alts, start.to(self.prev_span())))
    }

    /// Whether an integer of a pattern (`5`, `-5`, `i32::MAX`) starts at the cursor.
    fn pat_int_ahead(&self) -> bool {
        self.pat_int_ahead_at(0)
    }

    fn pat_int_ahead_at(&self, n: usize) -> bool {
        match self.peek_at(n) {
            TokenKind::Int { .. } | TokenKind::Byte(_) | TokenKind::Punct("-") => true,
            TokenKind::Ident(name) => {
                crate::types::IntTy::from_name(name).is_some() || self.const_int_ahead(n).is_some()
            }
            _ => false,
        }
    }

    /// An integer literal in a pattern, possibly negative.
    fn pat_int(&mut self) -> PResult<i128> {
        if let Some(v) = self.const_int_ahead(0) {
            // An integer `const` item.
            self.bump();
            return Ok(v);
        }
        if let TokenKind::Ident(name) = self.peek() {
            // `i32::MIN`, `u8::MAX`, `usize::MAX` (at the run's pointer width).
            let start = self.span();
            let ty = crate::types::IntTy::from_name(name);
            self.bump();
            if let (Some(t), true) = (ty, self.eat_punct("::")) {
                let (which, _) = self.ident()?;
                match which.as_str() {
                    "MIN" => return Ok(t.min(self.ptr)),
                    "MAX" => return Ok(t.max(self.ptr)),
                    _ => {}
                }
            }
            self.report_unsupported(start, "this constant in a pattern");
            return Err(());
        }
        let neg = self.eat_punct("-");
        match *self.peek() {
            TokenKind::Int { value, .. } => {
                self.bump();
                let v = i128::try_from(value).unwrap_or(i128::MAX);
                Ok(if neg { -v } else { v })
            }
            TokenKind::Byte(b) if !neg => {
                self.bump();
                Ok(b as i128)
            }
            _ => {
                self.error_expected("an integer literal");
                Err(())
            }
        }
    }

    fn pat_inner(&mut self) -> PResult<Pat> {
        let start = self.span();
        if let TokenKind::Str(text) = self.peek() {
            let text = text.clone();
            self.bump();
            return Ok(Pat::Str(text, start));
        }
        if let TokenKind::Char(c) = *self.peek() {
            self.bump();
            let inclusive = if self.eat_punct("..=") {
                true
            } else if self.eat_punct("..") {
                false
            } else {
                return Ok(Pat::Lit {
                    value: c as i128,
                    is_char: true,
                    span: start,
                });
            };
            let TokenKind::Char(hi) = *self.peek() else {
                self.error_expected("a character literal");
                return Err(());
            };
            self.bump();
            return Ok(Pat::Range {
                lo: c as i128,
                hi: hi as i128,
                inclusive,
                is_char: true,
                span: start.to(self.prev_span()),
            });
        }
        if (self.is_punct("..=") || self.is_punct("..")) && self.pat_int_ahead_at(1) {
            // `..=hi` or `..hi`: every value up to `hi`.
            let inclusive = self.is_punct("..=");
            self.bump();
            let hi = self.pat_int()?;
            return Ok(Pat::Range {
                lo: RANGE_OPEN_LO,
                hi,
                inclusive,
                is_char: false,
                span: start.to(self.prev_span()),
            });
        }
        let int_const = matches!(self.peek(), TokenKind::Ident(n) if crate::types::IntTy::from_name(n).is_some())
            && matches!(self.peek_at(1), TokenKind::Punct("::"))
            || self.const_int_ahead(0).is_some();
        if let TokenKind::Ident(name) = self.peek() {
            // A `bool` or `char` `const` item.
            match self.const_value(name).cloned() {
                Some(ConstVal::Bool(v)) => {
                    self.bump();
                    return Ok(Pat::Bool(v, start));
                }
                Some(ConstVal::Char(c)) => {
                    self.bump();
                    return Ok(Pat::Lit {
                        value: c as i128,
                        is_char: true,
                        span: start,
                    });
                }
                _ => {}
            }
        }
        if int_const
            || matches!(
                self.peek(),
                TokenKind::Int { .. } | TokenKind::Byte(_) | TokenKind::Punct("-")
            )
        {
            let lo = self.pat_int()?;
            let inclusive = if self.eat_punct("..=") {
                true
            } else if self.eat_punct("..") {
                false
            } else {
                return Ok(Pat::Lit {
                    value: lo,
                    is_char: false,
                    span: start.to(self.prev_span()),
                });
            };
            if !self.pat_int_ahead() {
                if inclusive {
                    self.error_expected("the end of the range after `..=`");
                    return Err(());
                }
                // `lo..`: every value from `lo` on.
                return Ok(Pat::Range {
                    lo,
                    hi: RANGE_OPEN_HI,
                    inclusive: true,
                    is_char: false,
                    span: start.to(self.prev_span()),
                });
            }
            let hi = self.pat_int()?;
            return Ok(Pat::Range {
                lo,
                hi,
                inclusive,
                is_char: false,
                span: start.to(self.prev_span()),
            });
        }
        if self.is_keyword("true") || self.is_keyword("false") {
            let v = self.is_keyword("true");
            self.bump();
            return Ok(Pat::Bool(v, start));
        }
        if self.eat_punct("(") {
            let mut items = Vec::new();
            let mut trailing = false;
            while !self.is_punct(")") {
                items.push(self.pat_or()?);
                trailing = self.eat_punct(",");
                if !trailing {
                    break;
                }
            }
            self.expect_punct(")")?;
            if items.len() == 1 && !trailing {
                return Ok(items.remove(0));
            }
            return Ok(Pat::Tuple(items, start.to(self.prev_span())));
        }
        if self.is_keyword("_") {
            self.bump();
            return Ok(Pat::Wild(start));
        }
        if self.is_punct("&") && !matches!(self.peek_at(1), TokenKind::Ident(s) if s == "mut") {
            self.bump();
            let inner = self.pat()?;
            return Ok(Pat::Ref(Box::new(inner), start.to(self.prev_span())));
        }
        if self.is_punct("[") || self.is_punct("&") || self.is_punct("&&") || self.is_punct("..") {
            self.report_unsupported(start, "this kind of pattern");
            return Err(());
        }
        if self.eat_keyword("ref") {
            // `ref x` / `ref mut x`: binds a reference to the part.
            let m = self.eat_keyword("mut");
            let (name, span) = self.ident()?;
            return Ok(Pat::Bind {
                name,
                span: start.to(span),
                mutable: false,
                by_ref: Some(m),
            });
        }
        let mutable = self.eat_keyword("mut");
        let (name, span) = self.ident()?;
        if !mutable && self.is_punct("::") {
            // `Shape::Circle(r)`, `Ordering::Less`: a path (an enum's variant or a type's
            // constant) that names no supported value. Reported once; the rest of the
            // pattern is skipped so the arms after it still parse.
            while self.eat_punct("::") {
                if matches!(self.peek(), TokenKind::Ident(_)) {
                    self.bump();
                }
            }
            if self.is_punct("(") || self.is_punct("{") {
                self.skip_group();
            }
            let whole = span.to(self.prev_span());
            self.report_unsupported(whole, "a path in a pattern (such as an enum's variant)");
            return Ok(Pat::Wild(whole));
        }
        let upper = name.chars().next().is_some_and(char::is_uppercase);
        if !mutable && upper && self.eat_punct("{") {
            let mut fields = Vec::new();
            let mut rest = false;
            while !self.is_punct("}") {
                if self.eat_punct("..") {
                    rest = true;
                    break;
                }
                let fstart = self.span();
                let fref = self.eat_keyword("ref").then(|| self.eat_keyword("mut"));
                let fmut = fref.is_none() && self.eat_keyword("mut");
                let (fname, fspan) = match *self.peek() {
                    TokenKind::Int { value, .. } if !fmut => (value.to_string(), self.bump()),
                    _ => self.ident()?,
                };
                let p = if !fmut && fref.is_none() && self.eat_punct(":") {
                    self.pat_or()?
                } else {
                    Pat::Bind {
                        name: fname.clone(),
                        span: if fref.is_some() {
                            fstart.to(fspan)
                        } else {
                            fspan
                        },
                        mutable: fmut,
                        by_ref: fref,
                    }
                };
                fields.push((fname, fspan, p));
                if !self.eat_punct(",") {
                    break;
                }
            }
            self.expect_punct("}")?;
            return Ok(Pat::Struct {
                name,
                name_span: span,
                fields,
                rest,
                span: span.to(self.prev_span()),
            });
        }
        if !mutable && upper && self.eat_punct("(") {
            let mut items = Vec::new();
            while !self.is_punct(")") {
                items.push(self.pat_or()?);
                if !self.eat_punct(",") {
                    break;
                }
            }
            self.expect_punct(")")?;
            return Ok(Pat::TupleStruct {
                name,
                name_span: span,
                items,
                span: span.to(self.prev_span()),
            });
        }
        Ok(Pat::Bind {
            name,
            span,
            mutable,
            by_ref: None,
        })
    }

    fn let_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        if self.is_punct("[") || self.is_punct("&") {
            let span = self.span();
            self.report_unsupported(span, "a destructuring pattern in `let`");
            return Err(());
        }
        let destructure = self.is_punct("(")
            || self.is_keyword("ref")
            || matches!(self.peek(), TokenKind::Ident(s) if s.chars().next().is_some_and(char::is_uppercase))
                && matches!(self.peek_at(1), TokenKind::Punct("{" | "("));
        if destructure {
            let pat = self.pat()?;
            let ty = if self.eat_punct(":") {
                Some(self.type_expr()?)
            } else {
                None
            };
            self.expect_punct("=")?;
            let init = self.expr()?;
            if self.is_keyword("else") {
                let span = self.span();
                self.report_unsupported(span, "`let ... else`");
                return Err(());
            }
            self.expect_punct(";")?;
            return Ok(Stmt::LetPat {
                pat,
                ty,
                init,
                span: start.to(self.prev_span()),
            });
        }
        let mutable = self.eat_keyword("mut");
        let (name, name_span) = if self.is_keyword("_") {
            let sp = self.bump();
            ("_".to_string(), sp)
        } else {
            self.ident()?
        };
        let ty = if self.eat_punct(":") {
            Some(self.type_expr()?)
        } else {
            None
        };
        if !self.is_punct("=") {
            if self.is_punct(";") && name != "_" {
                self.bump();
                let id = self.next_id;
                self.next_id += 1;
                return Ok(Stmt::Decl {
                    id,
                    name,
                    name_span,
                    mutable,
                    ty,
                    span: start.to(self.prev_span()),
                });
            }
            if self.is_punct(";") {
                let span = start.to(self.span());
                self.report_unsupported(span, "a `let _` without a value");
                self.bump();
                return Err(());
            }
            self.error_expected("`=`");
            return Err(());
        }
        self.bump();
        let init = self.expr()?;
        if self.is_keyword("else") {
            let span = self.span();
            self.report_unsupported(span, "`let ... else`");
            return Err(());
        }
        self.expect_punct(";")?;
        Ok(Stmt::Let {
            name,
            name_span,
            mutable,
            ty,
            init,
            span: start.to(self.prev_span()),
        })
    }

    pub fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.assign_expr();
        self.leave();
        r
    }

    fn assign_expr(&mut self) -> PResult<Expr> {
        let lhs = self.range_expr()?;
        let op = match self.peek() {
            TokenKind::Punct("=") => None,
            TokenKind::Punct(p) => match *p {
                "+=" => Some(BinOp::Add),
                "-=" => Some(BinOp::Sub),
                "*=" => Some(BinOp::Mul),
                "/=" => Some(BinOp::Div),
                "%=" => Some(BinOp::Rem),
                "&=" => Some(BinOp::BitAnd),
                "|=" => Some(BinOp::BitOr),
                "^=" => Some(BinOp::BitXor),
                "<<=" => Some(BinOp::Shl),
                ">>=" => Some(BinOp::Shr),
                _ => return Ok(lhs),
            },
            _ => return Ok(lhs),
        };
        self.bump();
        let rhs = self.expr()?;
        let span = lhs.span.to(rhs.span);
        let kind = match op {
            None => ExprKind::Assign(Box::new(lhs), Box::new(rhs)),
            Some(op) => ExprKind::CompoundAssign(op, Box::new(lhs), Box::new(rhs)),
        };
        Ok(self.new_expr(kind, span))
    }

    fn range_expr(&mut self) -> PResult<Expr> {
        if self.is_punct("..") || self.is_punct("..=") {
            let inclusive = self.is_punct("..=");
            let op_span = self.bump();
            let ends = self.is_punct("]") || self.is_punct(")") || self.is_punct(";");
            let end = if ends {
                None
            } else {
                Some(Box::new(self.binary(0)?))
            };
            let span = op_span.to(self.prev_span());
            return Ok(self.new_expr(
                ExprKind::OpenRange {
                    start: None,
                    end,
                    inclusive,
                },
                span,
            ));
        }
        let start = self.binary(0)?;
        let inclusive = if self.is_punct("..") {
            false
        } else if self.is_punct("..=") {
            true
        } else {
            return Ok(start);
        };
        let op_span = self.bump();
        if self.is_punct("]") {
            let span = start.span.to(op_span);
            return Ok(self.new_expr(
                ExprKind::OpenRange {
                    start: Some(Box::new(start)),
                    end: None,
                    inclusive,
                },
                span,
            ));
        }
        if self.is_punct("{") || self.is_punct(")") || self.is_punct(";") {
            self.report_unsupported(op_span, "a range without an end");
            return Err(());
        }
        let end = self.binary(0)?;
        let span = start.span.to(end.span);
        Ok(self.new_expr(
            ExprKind::Range {
                start: Box::new(start),
                end: Box::new(end),
                inclusive,
            },
            span,
        ))
    }

    fn binop_at_cursor(&self) -> Option<(BinOp, u8)> {
        let TokenKind::Punct(p) = self.peek() else {
            return None;
        };
        Some(match *p {
            "||" => (BinOp::Or, 1),
            "&&" => (BinOp::And, 2),
            "==" => (BinOp::Eq, 3),
            "!=" => (BinOp::Ne, 3),
            "<" => (BinOp::Lt, 3),
            "<=" => (BinOp::Le, 3),
            ">" => (BinOp::Gt, 3),
            ">=" => (BinOp::Ge, 3),
            "|" => (BinOp::BitOr, 4),
            "^" => (BinOp::BitXor, 5),
            "&" => (BinOp::BitAnd, 6),
            "<<" => (BinOp::Shl, 7),
            ">>" => (BinOp::Shr, 7),
            "+" => (BinOp::Add, 8),
            "-" => (BinOp::Sub, 8),
            "*" => (BinOp::Mul, 9),
            "/" => (BinOp::Div, 9),
            "%" => (BinOp::Rem, 9),
            _ => return None,
        })
    }

    /// Binary operators by precedence climbing; comparisons do not chain.
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut lhs = self.cast_expr()?;
        let mut chain = 0;
        while let Some((op, prec)) = self.binop_at_cursor() {
            if prec <= min_prec {
                break;
            }
            chain += 1;
            self.check_chain(chain)?;
            let op_span = self.bump();
            self.enter()?;
            let rhs = self.binary(prec);
            self.leave();
            let rhs = rhs?;
            if op.is_comparison() {
                if let Some((next, 3)) = self.binop_at_cursor() {
                    let span = self.span();
                    self.diags.push(
                        Diagnostic::error(
                            DiagnosticKind::Syntax,
                            op_span.to(span),
                            "comparison operators cannot be chained",
                        )
                        .with_note(format!(
                            "split the comparison into two, joined with `&&`, before `{}`",
                            next.symbol()
                        )),
                    );
                    return Err(());
                }
            }
            let span = lhs.span.to(rhs.span);
            lhs = self.new_expr(ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), span);
        }
        Ok(lhs)
    }

    fn cast_expr(&mut self) -> PResult<Expr> {
        let mut e = self.unary()?;
        let mut chain = 0;
        while self.eat_keyword("as") {
            chain += 1;
            self.check_chain(chain)?;
            let ty = self.type_expr()?;
            let span = e.span.to(ty.span);
            e = self.new_expr(ExprKind::Cast(Box::new(e), ty), span);
        }
        Ok(e)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let op = if self.is_punct("-") {
            Some(UnOp::Neg)
        } else if self.is_punct("!") {
            Some(UnOp::Not)
        } else {
            None
        };
        if let Some(op) = op {
            self.bump();
            self.enter()?;
            let inner = self.unary();
            self.leave();
            let inner = inner?;
            let span = start.to(inner.span);
            return Ok(self.new_expr(ExprKind::Unary(op, Box::new(inner)), span));
        }
        if self.is_punct("&") || self.is_punct("&&") || self.is_punct("*") {
            let deref = self.is_punct("*");
            let double = self.is_punct("&&");
            self.bump();
            let mutable = !deref && self.eat_keyword("mut");
            self.enter()?;
            let inner = self.unary();
            self.leave();
            let inner = inner?;
            let span = start.to(inner.span);
            if deref {
                return Ok(self.new_expr(ExprKind::Deref(Box::new(inner)), span));
            }
            let mut e = self.new_expr(
                ExprKind::AddrOf {
                    mutable,
                    inner: Box::new(inner),
                },
                span,
            );
            if double {
                e = self.new_expr(
                    ExprKind::AddrOf {
                        mutable: false,
                        inner: Box::new(e),
                    },
                    span,
                );
            }
            return Ok(e);
        }
        self.postfix()
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let mut e = self.primary()?;
        let mut chain = 0;
        loop {
            chain += 1;
            self.check_chain(chain)?;
            if self.is_punct(".") {
                self.bump();
                if let TokenKind::Int {
                    value,
                    suffix: None,
                    ..
                } = *self.peek()
                {
                    let name_span = self.bump();
                    let span = e.span.to(name_span);
                    e = self.new_expr(
                        ExprKind::Field {
                            base: Box::new(e),
                            name: value.to_string(),
                            name_span,
                        },
                        span,
                    );
                    continue;
                }
                if let TokenKind::Int { .. } | TokenKind::Float = self.peek() {
                    let span = self.bump();
                    self.report_unsupported(
                        span,
                        "a nested tuple field access such as `t.0.1` (write `(t.0).1`)",
                    );
                    let span = e.span.to(span);
                    e = self.new_expr(ExprKind::Error, span);
                    continue;
                }
                let (method, method_span) = self.ident()?;
                if self.is_punct("::") {
                    let span = self.span();
                    self.report_unsupported(span, "a method call with generic arguments");
                    return Err(());
                }
                if !self.is_punct("(") {
                    let span = e.span.to(method_span);
                    e = self.new_expr(
                        ExprKind::Field {
                            base: Box::new(e),
                            name: method,
                            name_span: method_span,
                        },
                        span,
                    );
                    continue;
                }
                if matches!(self.peek_at(1), TokenKind::Punct("|" | "||")) {
                    // `.map(|x| ..)`, `.filter(..)`: the whole construct is what is missing.
                    let mut d = unsupported(method_span, "");
                    d.message = format!(
                        "closures and iterator adapters such as `.{method}(..)` are not supported yet"
                    );
                    self.diags.push(d);
                    return Err(());
                }
                let args = self.call_args()?;
                let span = e.span.to(self.prev_span());
                e = self.new_expr(
                    ExprKind::MethodCall {
                        receiver: Box::new(e),
                        method,
                        method_span,
                        args,
                    },
                    span,
                );
            } else if self.is_punct("(") {
                let args = self.call_args()?;
                let span = e.span.to(self.prev_span());
                e = self.new_expr(ExprKind::Call(Box::new(e), args), span);
            } else if self.is_punct("[") {
                self.bump();
                let saved = std::mem::replace(&mut self.no_struct, false);
                let idx = self.expr();
                self.no_struct = saved;
                let idx = idx?;
                self.expect_punct("]")?;
                let span = e.span.to(self.prev_span());
                e = self.new_expr(ExprKind::Index(Box::new(e), Box::new(idx)), span);
            } else if self.is_punct("?") {
                let span = self.span();
                self.report_unsupported(span, "the `?` operator");
                return Err(());
            } else {
                return Ok(e);
            }
        }
    }

    fn call_args(&mut self) -> PResult<Vec<Expr>> {
        self.expect_punct("(")?;
        let saved = std::mem::replace(&mut self.no_struct, false);
        let r = self.call_args_inner();
        self.no_struct = saved;
        r
    }

    fn call_args_inner(&mut self) -> PResult<Vec<Expr>> {
        let mut args = Vec::new();
        while !self.is_punct(")") {
            args.push(self.expr()?);
            if !self.eat_punct(",") {
                break;
            }
        }
        self.expect_punct(")")?;
        Ok(args)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        match self.peek() {
            TokenKind::Int {
                value,
                suffix,
                too_large,
            } => {
                let (value, suffix, too_large) = (*value, suffix.clone(), *too_large);
                self.bump();
                if too_large {
                    self.diags.push(Diagnostic::error(
                        DiagnosticKind::Lint,
                        start,
                        "integer literal is too large",
                    )
                    .with_note("the largest integer literal is 340282366920938463463374607431768211455"));
                }
                let suffix = suffix.map(|s| {
                    let digits = self.prev_span();
                    let sp = Span::new(digits.end as usize - s.len(), digits.end as usize);
                    (s, sp)
                });
                Ok(self.new_expr(ExprKind::Int { value, suffix }, start))
            }
            TokenKind::Float => {
                self.bump();
                self.report_unsupported(start, "a floating-point number");
                Ok(self.new_expr(ExprKind::Error, start))
            }
            TokenKind::Str(text) => {
                let text = text.clone();
                self.bump();
                Ok(self.new_expr(ExprKind::Str(text), start))
            }
            TokenKind::Char(c) => {
                let c = *c;
                self.bump();
                Ok(self.new_expr(ExprKind::Char(c), start))
            }
            TokenKind::Byte(b) => {
                // `b'a'` is the `u8` it names.
                let b = *b;
                self.bump();
                let suffix = Some(("u8".to_string(), start));
                Ok(self.new_expr(
                    ExprKind::Int {
                        value: b as u128,
                        suffix,
                    },
                    start,
                ))
            }
            TokenKind::ByteStr(bytes) => {
                let bytes = bytes.clone();
                self.bump();
                Ok(self.new_expr(ExprKind::ByteStr(bytes), start))
            }
            TokenKind::Punct("(") => {
                self.bump();
                if self.eat_punct(")") {
                    self.report_unsupported(start.to(self.prev_span()), "the unit value `()`");
                    return Ok(self.new_expr(ExprKind::Error, start.to(self.prev_span())));
                }
                let saved = std::mem::replace(&mut self.no_struct, false);
                let r = self.paren_or_tuple(start);
                self.no_struct = saved;
                r
            }
            TokenKind::Punct("{") => {
                let saved = std::mem::replace(&mut self.no_struct, false);
                let b = self.block();
                self.no_struct = saved;
                let b = b?;
                let span = b.span;
                Ok(self.new_expr(ExprKind::Block(b), span))
            }
            TokenKind::Punct("[") => {
                self.bump();
                let saved = std::mem::replace(&mut self.no_struct, false);
                let r = self.array_literal(start);
                self.no_struct = saved;
                r
            }
            TokenKind::Punct("|") | TokenKind::Punct("||") => {
                self.report_unsupported(start, "a closure");
                Err(())
            }
            TokenKind::Lifetime(_) => {
                self.report_unsupported(start, "a loop label");
                Err(())
            }
            TokenKind::Ident(word) => {
                let word = word.clone();
                self.word(&word, start)
            }
            _ => {
                self.error_expected("an expression");
                Err(())
            }
        }
    }

    /// After `(`: a parenthesized expression or a tuple `(a, b)` / `(a,)`.
    fn paren_or_tuple(&mut self, start: Span) -> PResult<Expr> {
        let inner = self.expr()?;
        if !self.is_punct(",") {
            self.expect_punct(")")?;
            return Ok(Expr {
                span: start.to(self.prev_span()),
                ..inner
            });
        }
        let mut items = vec![inner];
        while self.eat_punct(",") {
            if self.is_punct(")") {
                break;
            }
            items.push(self.expr()?);
        }
        self.expect_punct(")")?;
        let span = start.to(self.prev_span());
        Ok(self.new_expr(ExprKind::Tuple(items), span))
    }

    /// After `[`: `[a, b, c]` or `[value; N]`.
    fn array_literal(&mut self, start: Span) -> PResult<Expr> {
        if self.eat_punct("]") {
            let span = start.to(self.prev_span());
            self.report_unsupported(span, "an empty array");
            return Ok(self.new_expr(ExprKind::Error, span));
        }
        let first = self.expr()?;
        if self.eat_punct(";") {
            let n = self.array_length()?;
            self.expect_punct("]")?;
            let span = start.to(self.prev_span());
            return Ok(self.new_expr(ExprKind::ArrayRepeat(Box::new(first), n), span));
        }
        let mut items = vec![first];
        while self.eat_punct(",") {
            if self.is_punct("]") {
                break;
            }
            items.push(self.expr()?);
        }
        self.expect_punct("]")?;
        let span = start.to(self.prev_span());
        Ok(self.new_expr(ExprKind::ArrayList(items), span))
    }

    /// A condition or `for` head: `Name {` there starts the block, not a struct literal.
    fn cond_expr(&mut self) -> PResult<Expr> {
        let saved = std::mem::replace(&mut self.no_struct, true);
        let r = self.expr();
        self.no_struct = saved;
        r
    }

    fn word(&mut self, word: &str, start: Span) -> PResult<Expr> {
        match word {
            "true" | "false" => {
                self.bump();
                Ok(self.new_expr(ExprKind::Bool(word == "true"), start))
            }
            "if" => self.if_expr(),
            "while" => {
                self.bump();
                if self.eat_keyword("let") {
                    // `while let P = e { body }` is `loop { match e { P => body, _ => break } }`.
                    let pat = self.pat_or()?;
                    self.expect_punct("=")?;
                    let scrutinee = self.cond_expr()?;
                    let body = self.block()?;
                    let span = start.to(body.span);
                    let arm_span = body.span;
                    let body = self.new_expr(ExprKind::Block(body), arm_span);
                    let brk = self.new_expr(ExprKind::Break(None), start);
                    let m = self.new_expr(
                        ExprKind::Match {
                            scrutinee: Box::new(scrutinee),
                            arms: vec![
                                Arm {
                                    pat,
                                    guard: None,
                                    body,
                                },
                                Arm {
                                    pat: Pat::Wild(start),
                                    guard: None,
                                    body: brk,
                                },
                            ],
                        },
                        span,
                    );
                    let block = Block {
                        stmts: Vec::new(),
                        tail: Some(Box::new(m)),
                        span,
                    };
                    return Ok(self.new_expr(ExprKind::Loop(block), span));
                }
                let cond = self.cond_expr()?;
                let body = self.block()?;
                let span = start.to(body.span);
                Ok(self.new_expr(ExprKind::While(Box::new(cond), body), span))
            }
            "loop" => {
                self.bump();
                let body = self.block()?;
                let span = start.to(body.span);
                Ok(self.new_expr(ExprKind::Loop(body), span))
            }
            "for" => {
                self.bump();
                let destructure = self.is_punct("(")
                    || self.is_keyword("ref")
                    || self.is_punct("&")
                    || matches!(self.peek(), TokenKind::Ident(s) if s.chars().next().is_some_and(char::is_uppercase))
                        && matches!(self.peek_at(1), TokenKind::Punct("{" | "("));
                let mut pat = None;
                let mut mutable = false;
                let (var, var_span) = if destructure {
                    let saved = std::mem::replace(&mut self.no_struct, false);
                    let p = self.pat();
                    self.no_struct = saved;
                    let p = p?;
                    let sp = p.span();
                    pat = Some(p);
                    ("(item)".to_string(), sp)
                } else if self.is_keyword("_") {
                    let sp = self.bump();
                    ("_".to_string(), sp)
                } else {
                    mutable = self.eat_keyword("mut");
                    self.ident()?
                };
                if !self.eat_keyword("in") {
                    self.error_expected("`in`");
                    return Err(());
                }
                let range = self.cond_expr()?;
                let body = self.block()?;
                let span = start.to(body.span);
                Ok(self.new_expr(
                    ExprKind::For {
                        var,
                        var_span,
                        mutable,
                        pat,
                        range: Box::new(range),
                        body,
                    },
                    span,
                ))
            }
            "break" => {
                self.bump();
                let value = if self.starts_expr() {
                    Some(Box::new(self.expr()?))
                } else {
                    None
                };
                let span = start.to(self.prev_span());
                Ok(self.new_expr(ExprKind::Break(value), span))
            }
            "continue" => {
                self.bump();
                Ok(self.new_expr(ExprKind::Continue, start))
            }
            "return" => {
                self.bump();
                let value = if self.starts_expr() {
                    Some(Box::new(self.expr()?))
                } else {
                    None
                };
                let span = start.to(self.prev_span());
                Ok(self.new_expr(ExprKind::Return(value), span))
            }
            "match" => {
                self.bump();
                let scrutinee = self.cond_expr()?;
                let arms = self.match_arms()?;
                let span = start.to(self.prev_span());
                Ok(self.new_expr(
                    ExprKind::Match {
                        scrutinee: Box::new(scrutinee),
                        arms,
                    },
                    span,
                ))
            }
            "unsafe" | "async" | "move" => {
                self.report_unsupported(start, &format!("`{word}`"));
                Err(())
            }
            _ if is_reserved(word) => {
                self.error_expected("an expression");
                Err(())
            }
            _ => self.path_or_macro(),
        }
    }

    /// Whether the cursor could start an expression (after `break` or `return`).
    fn starts_expr(&self) -> bool {
        !matches!(
            self.peek(),
            TokenKind::Punct(";")
                | TokenKind::Punct("}")
                | TokenKind::Punct(")")
                | TokenKind::Punct(",")
                | TokenKind::Punct("]")
                | TokenKind::Eof
        )
    }

    fn if_expr(&mut self) -> PResult<Expr> {
        let start = self.bump();
        if self.eat_keyword("let") {
            // `if let P = e { a } else { b }` is `match e { P => { a } _ => { b } }`.
            let pat = self.pat_or()?;
            self.expect_punct("=")?;
            let scrutinee = self.cond_expr()?;
            let then = self.block()?;
            let then_span = then.span;
            let mut end = then.span;
            let els = if self.eat_keyword("else") {
                let e = if self.is_keyword("if") {
                    self.enter()?;
                    let r = self.if_expr();
                    self.leave();
                    r?
                } else {
                    let b = self.block()?;
                    let span = b.span;
                    self.new_expr(ExprKind::Block(b), span)
                };
                end = e.span;
                e
            } else {
                let span = then.span.to(then.span);
                let empty = Block {
                    stmts: Vec::new(),
                    tail: None,
                    span,
                };
                self.new_expr(ExprKind::Block(empty), span)
            };
            let then = self.new_expr(ExprKind::Block(then), then_span);
            return Ok(self.new_expr(
                ExprKind::Match {
                    scrutinee: Box::new(scrutinee),
                    arms: vec![
                        Arm {
                            pat,
                            guard: None,
                            body: then,
                        },
                        Arm {
                            pat: Pat::Wild(start),
                            guard: None,
                            body: els,
                        },
                    ],
                },
                start.to(end),
            ));
        }
        let cond = self.cond_expr()?;
        let then = self.block()?;
        let mut end = then.span;
        let els = if self.eat_keyword("else") {
            let e = if self.is_keyword("if") {
                self.enter()?;
                let r = self.if_expr();
                self.leave();
                r?
            } else {
                let b = self.block()?;
                let span = b.span;
                self.new_expr(ExprKind::Block(b), span)
            };
            end = e.span;
            Some(Box::new(e))
        } else {
            None
        };
        Ok(self.new_expr(ExprKind::If(Box::new(cond), then, els), start.to(end)))
    }

    /// The `{ pat => body, ... }` of a `match`.
    fn match_arms(&mut self) -> PResult<Vec<Arm>> {
        self.expect_punct("{")?;
        let mut arms = Vec::new();
        while !self.is_punct("}") && !self.at_eof() {
            let pat = self.pat_or()?;
            let guard = if self.eat_keyword("if") {
                Some(self.expr()?)
            } else {
                None
            };
            self.expect_punct("=>")?;
            let body = self.expr()?;
            let block_like = matches!(body.kind, ExprKind::Block(_)) || is_block_like(&body);
            arms.push(Arm { pat, guard, body });
            if !self.eat_punct(",") && !block_like && !self.is_punct("}") {
                self.error_expected("`,` or `}`");
                return Err(());
            }
        }
        self.expect_punct("}")?;
        Ok(arms)
    }

    fn path_or_macro(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut segs = vec![self.ident()?];
        let mut generics = None;
        while self.is_punct("::") {
            self.bump();
            if self.is_punct("<") {
                let last = segs.last().map(|s| s.0.as_str()).unwrap_or("");
                if matches!(last, "size_of" | "align_of") {
                    return self.mem_query(start, last == "align_of", &segs);
                }
                if generics.is_some() {
                    let span = self.span();
                    self.report_unsupported(
                        span,
                        "generic arguments on more than one segment of a path",
                    );
                    return Err(());
                }
                generics = Some((segs.len() - 1, self.turbofish_args()?));
                continue;
            }
            segs.push(self.ident()?);
        }
        if let Some(g) = generics {
            if self.is_punct("!") || self.is_punct("{") && !self.no_struct {
                let span = self.span();
                self.report_unsupported(span, "generic arguments here");
                return Err(());
            }
            let span = start.to(self.prev_span());
            let e = self.new_expr(ExprKind::Path(segs), span);
            self.turbofish.insert(e.id, g);
            return Ok(e);
        }
        if segs.len() == 1 && self.is_punct("!") {
            let name = segs.pop().map(|s| s.0).unwrap_or_default();
            self.bump();
            return self.macro_call(&name, start);
        }
        if self.is_punct("{")
            && !self.no_struct
            && segs
                .last()
                .is_some_and(|s| s.0.chars().next().is_some_and(char::is_uppercase))
        {
            if segs.len() > 1 {
                // `Shape::Square { side: 3 }`: one diagnostic, and the fields skipped, so
                // that what follows parses as it should.
                let span = start.to(self.prev_span());
                self.report_unsupported(
                    span,
                    "a struct literal with a path (such as an enum's variant)",
                );
                self.skip_group();
                return Ok(self.new_expr(ExprKind::Error, start.to(self.prev_span())));
            }
            let (name, name_span) = segs.pop().unwrap_or_default();
            return self.struct_literal(start, name, name_span);
        }
        let span = start.to(self.prev_span());
        if let [(name, _)] = segs.as_slice() {
            if let Some(v) = self.const_value(name).cloned() {
                return Ok(self.const_expr(v, span));
            }
        }
        Ok(self.new_expr(ExprKind::Path(segs), span))
    }

    /// The `<A, B>` of a turbofish (the cursor at `<`).
    fn turbofish_args(&mut self) -> PResult<Vec<TypeExpr>> {
        self.expect_punct("<")?;
        let mut args = Vec::new();
        loop {
            args.push(self.type_expr()?);
            if !self.eat_punct(",") || self.is_punct(">") {
                break;
            }
        }
        if self.is_punct(">>") {
            self.error_expected("`>`");
            return Err(());
        }
        self.expect_punct(">")?;
        Ok(args)
    }

    /// After `size_of::` or `align_of::` (the cursor at `<`): `<T>()`.
    fn mem_query(&mut self, start: Span, align: bool, segs: &[(String, Span)]) -> PResult<Expr> {
        let path: Vec<&str> = segs.iter().map(|s| s.0.as_str()).collect();
        let known = matches!(
            path.as_slice(),
            [_] | ["mem", _] | ["std", "mem", _] | ["core", "mem", _]
        );
        if !known {
            let span = segs.first().map_or(start, |s| s.1);
            self.diags.push(
                Diagnostic::error(
                    DiagnosticKind::Name,
                    span,
                    format!(
                        "failed to resolve: use of undeclared crate or module `{}`",
                        path[0]
                    ),
                )
                .with_code("E0433"),
            );
            return Err(());
        }
        self.expect_punct("<")?;
        let ty = self.type_expr()?;
        if self.is_punct(">>") {
            self.error_expected("`>`");
            return Err(());
        }
        self.expect_punct(">")?;
        self.expect_punct("(")?;
        self.expect_punct(")")?;
        let span = start.to(self.prev_span());
        Ok(self.new_expr(ExprKind::MemQuery { ty, align }, span))
    }

    /// After the name of a struct literal (the cursor at `{`).
    fn struct_literal(&mut self, start: Span, name: String, name_span: Span) -> PResult<Expr> {
        self.bump();
        let saved = std::mem::replace(&mut self.no_struct, false);
        let r = self.struct_literal_fields(start, name, name_span);
        self.no_struct = saved;
        r
    }

    fn struct_literal_fields(
        &mut self,
        start: Span,
        name: String,
        name_span: Span,
    ) -> PResult<Expr> {
        let mut fields = Vec::new();
        let mut base = None;
        while !self.is_punct("}") {
            if self.eat_punct("..") {
                base = Some(Box::new(self.expr()?));
                break;
            }
            let (fname, fspan) = match *self.peek() {
                TokenKind::Int {
                    value,
                    suffix: None,
                    ..
                } => (value.to_string(), self.bump()),
                _ => self.ident()?,
            };
            let value = if self.eat_punct(":") {
                self.expr()?
            } else {
                self.new_expr(ExprKind::Path(vec![(fname.clone(), fspan)]), fspan)
            };
            fields.push((fname, fspan, value));
            if !self.eat_punct(",") {
                break;
            }
        }
        self.expect_punct("}")?;
        let span = start.to(self.prev_span());
        Ok(self.new_expr(
            ExprKind::StructLit {
                name,
                name_span,
                fields,
                base,
            },
            span,
        ))
    }

    fn macro_call(&mut self, name: &str, start: Span) -> PResult<Expr> {
        let (open, close) = if self.is_punct("(") {
            ("(", ")")
        } else if self.is_punct("[") {
            ("[", "]")
        } else if self.is_punct("{") {
            ("{", "}")
        } else {
            self.error_expected("`(`, `[` or `{` after the macro's name");
            return Err(());
        };
        self.bump();
        let mac = match name {
            "println" => Some(FormatMacro::Println),
            "print" => Some(FormatMacro::Print),
            "eprintln" => Some(FormatMacro::Eprintln),
            "eprint" => Some(FormatMacro::Eprint),
            "panic" => Some(FormatMacro::Panic),
            "format" => Some(FormatMacro::Format),
            _ => None,
        };
        if let Some(mac) = mac {
            if self.eat_punct(close) {
                let span = start.to(self.prev_span());
                return Ok(self.new_expr(
                    ExprKind::Format {
                        mac,
                        template: match mac {
                            FormatMacro::Panic => "explicit panic".into(),
                            _ => String::new(),
                        },
                        template_span: span,
                        args: Vec::new(),
                    },
                    span,
                ));
            }
            let TokenKind::Str(template) = self.peek() else {
                self.error_expected("a format string literal");
                return Err(());
            };
            let template = template.clone();
            let template_span = self.bump();
            let mut args = Vec::new();
            while self.eat_punct(",") {
                if self.is_punct(close) {
                    break;
                }
                if matches!(self.peek(), TokenKind::Ident(_))
                    && matches!(self.peek_at(1), TokenKind::Punct("="))
                {
                    let span = self.span();
                    self.report_unsupported(span, "a named format argument");
                    return Err(());
                }
                args.push(self.expr()?);
            }
            self.expect_punct(close)?;
            let span = start.to(self.prev_span());
            return Ok(self.new_expr(
                ExprKind::Format {
                    mac,
                    template,
                    template_span,
                    args,
                },
                span,
            ));
        }
        if name == "vec" {
            if self.eat_punct(close) {
                let span = start.to(self.prev_span());
                return Ok(self.new_expr(ExprKind::VecList(Vec::new()), span));
            }
            let first = self.expr()?;
            if self.eat_punct(";") {
                let count = self.expr()?;
                self.expect_punct(close)?;
                let span = start.to(self.prev_span());
                return Ok(
                    self.new_expr(ExprKind::VecRepeat(Box::new(first), Box::new(count)), span)
                );
            }
            let mut items = vec![first];
            while self.eat_punct(",") {
                if self.is_punct(close) {
                    break;
                }
                items.push(self.expr()?);
            }
            self.expect_punct(close)?;
            let span = start.to(self.prev_span());
            return Ok(self.new_expr(ExprKind::VecList(items), span));
        }
        // Unknown macro: skip its body.
        let mut depth = 1;
        while !self.at_eof() && depth > 0 {
            if self.is_punct(open) {
                depth += 1;
            } else if self.is_punct(close) {
                depth -= 1;
            }
            self.bump();
        }
        let span = start.to(self.prev_span());
        self.report_unsupported(span, &format!("the macro `{name}!`"));
        Ok(self.new_expr(ExprKind::Error, span))
    }
}

fn is_block_like(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Block(_)
            | ExprKind::If(..)
            | ExprKind::While(..)
            | ExprKind::Loop(_)
            | ExprKind::For { .. }
            | ExprKind::Match { .. }
    )
}

fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "as" | "break"
            | "const"
            | "continue"
            | "crate"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
    )
}
