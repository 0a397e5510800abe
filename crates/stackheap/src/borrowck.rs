//! A small borrow checker that approximates rustc's (non-lexical lifetimes) for the common
//! cases: a reference held in a local (`let r = &v;`, `r = &x;`) keeps its loan alive from
//! the borrow to the last use of the local, and inside that stretch a conflicting borrow
//! (E0499, E0502), a move (E0505), an assignment (E0506) of the borrowed local, or the end of
//! the borrowed local's scope (E0597) is an error; returning a reference to a local is E0515.
//!
//! It works on the evaluation order of one function's syntax tree: every expression gets a
//! position, and loans and actions are compared by position. A `let` or an assignment holds
//! the loans whose references end up in the value it stores: an `&place`, a struct, tuple or
//! Option holding one, a call's result (the arguments its signature's lifetimes tie to the
//! returned value), a method's (`&self`'s borrow by elision, `as_ref`, `last`), and the
//! loans of another holder it copies (`let r2 = r;`, `e.part`). It can miss errors (loops,
//! references stored through other references) but never rejects a program rustc accepts:
//! an assignment to the holder ends its loans, as in rustc.

use crate::ast::*;
use crate::check::{Checked, LocalId, Method, Res, SelfMode};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lifetimes::Passes;
use crate::span::Span;
use crate::types::Ty;

/// A place inside a local: the fields on the way to it (none for the local itself).
type Path = Vec<String>;

/// Whether two places of one local overlap: one lies in the other.
fn overlaps(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[derive(Clone, Debug)]
enum Action {
    /// A borrow of the place `path` of `target` (`holder` is the local that keeps the
    /// reference, if any).
    Borrow {
        target: LocalId,
        path: Path,
        mutable: bool,
        holder: Option<LocalId>,
    },
    /// The local is read (any mention of it).
    Use(LocalId),
    /// The place's value is copied (read as a whole, not borrowed): E0503 while it is
    /// mutably borrowed.
    Read(LocalId, Path),
    /// The place's value moves out.
    Move(LocalId, Path),
    /// The place is assigned.
    Assign(LocalId, Path),
    /// These locals go out of scope.
    ScopeEnd(Vec<LocalId>),
    /// `to` now holds the loans `from` holds (it copied a reference from it).
    Derive { from: LocalId, to: LocalId },
}

/// The references that end up in a value: borrows (by the span of the expression that made
/// them) and the loans of other holders it copies.
#[derive(Default)]
struct Flow {
    borrows: Vec<Span>,
    derives: Vec<LocalId>,
}

/// Whether all the references a value of type `t` holds come from one place, so that a
/// reference read out of a part of it keeps all the value's loans (and no more than rustc
/// would): true unless two fields (or elements of a tuple) hold references of their own.
fn one_source(t: &Ty) -> bool {
    let parts: Vec<Ty> = match t {
        Ty::Struct(d) => d.fields().iter().map(|f| f.ty.clone()).collect(),
        Ty::Tuple(ts) => ts.clone(),
        _ => return true,
    };
    let holding: Vec<&Ty> = parts.iter().filter(|t| holds_ref(t)).collect();
    holding.len() <= 1 && holding.iter().all(|t| one_source(t))
}

/// The places a pattern matched against a value of type `t` at `path` moves out of it: the
/// parts its names take by value (those that are not `Copy`), with where each name is.
fn pat_moves(pat: &Pat, t: &Ty, path: &mut Path, out: &mut Vec<(Path, Span)>) {
    let fields = t.fields(crate::settings::PtrWidth::W64);
    let mut walk = |name: &str, p: &Pat, out: &mut Vec<(Path, Span)>| {
        if let Some((_, ft, _)) = fields.iter().find(|f| f.0 == name) {
            path.push(name.to_string());
            pat_moves(p, ft, path, out);
            path.pop();
        }
    };
    match pat {
        Pat::Bind {
            name,
            span,
            by_ref: None,
            ..
        } if name != "None" && !t.is_copy() => out.push((path.clone(), *span)),
        Pat::Tuple(items, _) => {
            for (i, p) in items.iter().enumerate() {
                walk(&i.to_string(), p, out);
            }
        }
        Pat::TupleStruct { name, items, .. } if name != "Some" => {
            for (i, p) in items.iter().enumerate() {
                walk(&i.to_string(), p, out);
            }
        }
        Pat::Struct { fields: pf, .. } => {
            for (name, _, p) in pf {
                walk(name, p, out);
            }
        }
        _ => {}
    }
}

/// The names a pattern binds, in the order the checker declares them: the path of each
/// one's part (field names, tuple positions), whether it binds by `ref` (and `mut`), and
/// its span.
fn pat_names(pat: &Pat, path: &mut Path, out: &mut Vec<(Path, Option<bool>, Span)>) {
    match pat {
        Pat::Bind {
            name, by_ref, span, ..
        } if name != "None" && !name.starts_with(char::is_uppercase) => {
            out.push((path.clone(), *by_ref, *span))
        }
        Pat::Tuple(items, _) | Pat::TupleStruct { items, .. } => {
            for (i, p) in items.iter().enumerate() {
                path.push(i.to_string());
                pat_names(p, path, out);
                path.pop();
            }
        }
        Pat::Struct { fields, .. } => {
            for (name, _, p) in fields {
                path.push(name.clone());
                pat_names(p, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Whether values of type `t` can hold a reference.
fn holds_ref(t: &Ty) -> bool {
    holds_ref_in(t, &mut Vec::new())
}

/// [`holds_ref`], not looking again into the structs in `seen` (a recursive struct holds
/// itself through a `Box` or a `Vec`).
fn holds_ref_in(t: &Ty, seen: &mut Vec<u32>) -> bool {
    match t {
        Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_) => true,
        Ty::Struct(d) if seen.contains(&d.id) => false,
        Ty::Struct(d) => {
            seen.push(d.id);
            d.fields().iter().any(|f| holds_ref_in(&f.ty, seen))
        }
        Ty::Tuple(ts) => ts.iter().any(|t| holds_ref_in(t, seen)),
        Ty::Array(e, _) | Ty::Option(e) | Ty::Vec(e) | Ty::Box(e) => holds_ref_in(e, seen),
        _ => false,
    }
}

#[derive(Clone, Debug)]
struct Event {
    at: usize,
    span: Span,
    action: Action,
}

struct Walker<'a> {
    c: &'a Checked,
    func: u32,
    events: Vec<Event>,
    diags: Vec<Diagnostic>,
    /// The function returns a reference.
    returns_ref: bool,
    /// Temporaries a `let` borrows: the holder, the temporary's span, the `let` statement,
    /// and the position after it.
    temp_loans: Vec<(LocalId, Span, Span, usize)>,
    params: u32,
    /// The expression being walked is used for its value (not borrowed, not the base of a
    /// longer place): a place of a `Copy` type there is read.
    reading: bool,
}

/// Checks every function; returns the first borrow error of each kind rustc would report.
pub fn check(file: &File, c: &Checked) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, f) in file.functions.iter().enumerate() {
        let ret = c.sigs.get(i).map(|s| s.ret.clone()).unwrap_or(Ty::Unit);
        let mut w = Walker {
            c,
            func: i as u32,
            events: Vec::new(),
            diags: Vec::new(),
            temp_loans: Vec::new(),
            returns_ref: holds_ref(&ret),
            params: f.params.len() as u32,
            reading: true,
        };
        w.block(&f.body, true);
        w.conflicts();
        w.temporaries();
        out.append(&mut w.diags);
    }
    out.sort_by_key(|d| d.span.start);
    out
}

impl<'a> Walker<'a> {
    fn push(&mut self, span: Span, action: Action) {
        let at = self.events.len();
        self.events.push(Event { at, span, action });
    }

    fn local(&self, e: &Expr) -> Option<LocalId> {
        match self.c.res.get(&e.id) {
            Some(Res::Local(l)) => Some(*l),
            _ => None,
        }
    }

    fn decl_ty(&self, l: LocalId) -> Ty {
        self.c.locals[self.func as usize][l as usize].ty.clone()
    }

    fn name(&self, l: LocalId) -> String {
        self.c.locals[self.func as usize][l as usize].name.clone()
    }

    /// The local a place starts from (`v` in `v.x[2]`), when it is reached without going
    /// through a reference.
    fn root(&self, e: &Expr) -> Option<LocalId> {
        self.place(e).map(|p| p.0)
    }

    /// A place reached without going through a reference: its local and the fields on the
    /// way (`p.inner.name`; an element, `v[i]`, stands for all of `v`). A `Box` owns its
    /// value, so the value is a place of the Box's local: `*` in the path (`b.x` and
    /// `(*b).x` are both `b`, `*`, `x`).
    fn place(&self, e: &Expr) -> Option<(LocalId, Path)> {
        // A place in a Vec's element is reached through the Vec's `Index`: it stands for
        // the Vec.
        if let Some(base) = self.vec_indexed(e) {
            return self.place_through_boxes(base);
        }
        match &e.kind {
            ExprKind::Path(_) => {
                let l = self.local(e)?;
                (!matches!(
                    self.decl_ty(l),
                    Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_)
                ))
                .then_some((l, Vec::new()))
            }
            ExprKind::Field { base, name, .. } => {
                let (l, mut path) = self.place_through_boxes(base)?;
                path.push(name.clone());
                Some((l, path))
            }
            ExprKind::Index(base, _) => {
                // An array's element is a place of its own (`a[_]`, any index); a Vec's
                // stands for the Vec.
                let (l, mut path) = self.place_through_boxes(base)?;
                if matches!(self.value_ty(base), Some(Ty::Array(..))) {
                    path.push("[_]".to_string());
                }
                Some((l, path))
            }
            ExprKind::Deref(inner)
                if matches!(self.c.expr_ty.get(inner.id as usize), Some(Ty::Box(_))) =>
            {
                let (l, mut path) = self.place(inner)?;
                path.push("*".to_string());
                Some((l, path))
            }
            _ => None,
        }
    }

    /// The place of `base` and of the values its Boxes hold on the way to what a field
    /// access or an index reaches (auto-deref); `None` through a reference.
    fn place_through_boxes(&self, base: &Expr) -> Option<(LocalId, Path)> {
        let (l, mut path) = self.place(base)?;
        let mut t = self.c.expr_ty.get(base.id as usize)?;
        loop {
            match t {
                Ty::Box(inner) => {
                    path.push("*".to_string());
                    t = inner;
                }
                Ty::Ref(..) | Ty::SliceRef(_) | Ty::SliceMut(_) | Ty::StrRef => return None,
                _ => return Some((l, path)),
            }
        }
    }

    /// [`Self::place_through_boxes`], also when `e` is reached through a reference a local
    /// holds (a parameter `v: &mut Vec<T>`, `self`): the place is then in what the reference
    /// points to (`*v`; `self.items` is `self`, `*`, `items`).
    fn reached_place(&self, e: &Expr) -> Option<(LocalId, Path)> {
        if let Some(p) = self.place_through_boxes(e) {
            return Some(p);
        }
        let (l, mut path) = match &e.kind {
            ExprKind::Path(_) => (self.local(e)?, Vec::new()),
            ExprKind::Field { base, name, .. } => {
                let (l, mut path) = self.reached_place(base)?;
                path.push(name.clone());
                (l, path)
            }
            _ => return None,
        };
        let mut t = self.c.expr_ty.get(e.id as usize)?;
        loop {
            match t {
                Ty::Ref(_, inner) | Ty::Box(inner) => {
                    path.push("*".to_string());
                    t = inner;
                }
                Ty::SliceRef(_) | Ty::SliceMut(_) | Ty::StrRef => {
                    path.push("*".to_string());
                    break;
                }
                _ => break,
            }
        }
        Some((l, path))
    }

    /// Whether `path` of local `l` lies behind the reference `l` holds (see
    /// [`Self::reached_place`]): giving `l` a new value or ending its scope leaves such a
    /// loan alone, as in rustc.
    fn behind_ref(&self, l: LocalId, path: &[String]) -> bool {
        path.first().is_some_and(|f| f == "*")
            && matches!(
                self.decl_ty(l),
                Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_)
            )
    }

    /// The type of the value `e` reaches through its Boxes and references (what indexing
    /// or a field access looks into).
    fn value_ty(&self, e: &Expr) -> Option<&Ty> {
        let mut t = self.c.expr_ty.get(e.id as usize)?;
        while let Ty::Box(inner) | Ty::Ref(_, inner) = t {
            t = inner;
        }
        Some(t)
    }

    /// The Vec indexed on the way to the place `e` (`v` in `v[i]`, `ps[0].x`), the one
    /// nearest its local: the place is reached through the Vec's `Index`, a borrow of it.
    fn vec_indexed<'e>(&self, e: &'e Expr) -> Option<&'e Expr> {
        let mut found = None;
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Field { base, .. } => cur = base,
                ExprKind::Deref(b)
                    if matches!(self.c.expr_ty.get(b.id as usize), Some(Ty::Box(_))) =>
                {
                    cur = b
                }
                ExprKind::Index(base, _) => {
                    if matches!(self.value_ty(base), Some(Ty::Vec(_))) {
                        found = Some(&**base);
                    }
                    cur = base;
                }
                _ => return found,
            }
        }
    }

    /// Writing `lhs` (an assignment or a compound one): a place in a Vec's element is
    /// written through `IndexMut`, which borrows the Vec mutably; any other place is
    /// assigned.
    fn write_place(&mut self, lhs: &Expr, span: Span) {
        if let Some(base) = self.vec_indexed(lhs) {
            if let Some((target, path)) = self.reached_place(base) {
                self.push(
                    base.span,
                    Action::Borrow {
                        target,
                        path,
                        mutable: true,
                        holder: None,
                    },
                );
            }
            return;
        }
        if let Some((t, p)) = self.place(lhs).or_else(|| self.through_ref(lhs)) {
            self.push(span, Action::Assign(t, p));
        }
    }

    /// The place a reference a local holds points to, reached by `*r` or by match
    /// ergonomics on `r` itself (`*r` in both, see [`Self::reached_place`]).
    fn through_ref(&self, e: &Expr) -> Option<(LocalId, Path)> {
        let refers = |e: &Expr| {
            matches!(
                self.c.expr_ty.get(e.id as usize),
                Some(Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_))
            )
        };
        match &e.kind {
            ExprKind::Deref(inner) if refers(inner) => self.reached_place(inner),
            ExprKind::Path(_) if refers(e) => self.reached_place(e),
            _ => None,
        }
    }

    /// A place as rustc names it: `p`, `p.inner.name`, `*b`, `a[_]`; a field of a Box's value is
    /// named as it is written, `b.x`.
    fn place_name(&self, l: LocalId, path: &[String]) -> String {
        let mut s = self.name(l);
        for (i, f) in path.iter().enumerate() {
            if f == "[_]" {
                s.push_str(f);
            } else if f != "*" {
                s.push('.');
                s.push_str(f);
            } else if path[i..].iter().all(|f| f == "*") {
                s.insert(0, '*');
            }
        }
        s
    }

    fn block(&mut self, b: &Block, fn_body: bool) {
        let mut declared = Vec::new();
        for s in &b.stmts {
            match s {
                Stmt::Let {
                    init, name, span, ..
                } => {
                    let before = self.events.len();
                    self.expr(init);
                    if let Some(&l) = self.c.binding.get(&init.id) {
                        self.hold(before, init, l);
                        declared.push(l);
                        if let Some(temp) = self.borrowed_temporary(init) {
                            self.temp_loans
                                .push((l, temp.span, *span, self.events.len()));
                        }
                    }
                    // `let _ = v;` reads `v` (a use) but moves nothing.
                    if name == "_" {
                        continue;
                    }
                    if let Some((l, p)) = self.moved_path(init) {
                        self.push(init.span, Action::Move(l, p));
                    }
                }
                Stmt::Decl { id, .. } => {
                    if let Some(&l) = self.c.binding.get(id) {
                        declared.push(l);
                    }
                }
                Stmt::LetPat { pat, init, .. } => {
                    self.expr(init);
                    self.ref_names(pat, init, init.id);
                    // Each part a name takes by value moves out of a local on its own.
                    let ty = self.c.expr_ty.get(init.id as usize).cloned();
                    if let (Some((l, path)), Some(ty)) = (self.place(init), ty) {
                        let mut parts = Vec::new();
                        pat_moves(pat, &ty, &mut path.clone(), &mut parts);
                        for (p, span) in parts {
                            self.push(span, Action::Move(l, p));
                        }
                    }
                    if let Some(ls) = self.c.pat_locals.get(&init.id) {
                        declared.extend(ls.iter().copied());
                    }
                }
                Stmt::Expr { expr, .. } => self.expr(expr),
            }
        }
        if let Some(t) = &b.tail {
            self.expr(t);
            if fn_body {
                self.returned(t);
            }
        }
        if !declared.is_empty() {
            self.push(
                Span::new(b.span.end as usize - 1, b.span.end as usize),
                Action::ScopeEnd(declared),
            );
        }
    }

    /// The temporary a `let`'s initializer borrows for good, which dies at the end of the
    /// statement: the receiver of `.as_str()`, `.trim()`, `.as_bytes()`, `.as_ref()` or a
    /// method of the program returning a reference, when it is a new value that owns memory
    /// (`String::from("x").as_str()`).
    fn borrowed_temporary<'e>(&self, init: &'e Expr) -> Option<&'e Expr> {
        let ExprKind::MethodCall { receiver, .. } = &init.kind else {
            return None;
        };
        let borrows = match (
            self.c.methods.get(&init.id),
            self.c.method_fns.get(&init.id),
        ) {
            (
                Some(
                    Method::AsStr | Method::AsBytes | Method::Trim | Method::AsRef | Method::AsMut,
                ),
                _,
            ) => true,
            (_, Some((f, SelfMode::Ref { .. }))) => matches!(
                self.c.sigs.get(*f as usize).map(|s| &s.ret),
                Some(Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_))
            ),
            _ => false,
        };
        let made = matches!(
            receiver.kind,
            ExprKind::Call(..)
                | ExprKind::MethodCall { .. }
                | ExprKind::Format { .. }
                | ExprKind::VecList(_)
                | ExprKind::VecRepeat(..)
                | ExprKind::StructLit { .. }
                | ExprKind::Binary(..)
        );
        let owns = self
            .c
            .expr_ty
            .get(receiver.id as usize)
            .is_some_and(|t| !matches!(t, Ty::Ref(..)) && t.needs_drop());
        (borrows && made && owns).then_some(&**receiver)
    }

    /// E0716: a temporary a `let` borrows is freed at the end of the statement while the
    /// variable holding the borrow is used later.
    fn temporaries(&mut self) {
        for (holder, temp, stmt, at) in std::mem::take(&mut self.temp_loans) {
            let used = self.events[at..].iter().find(|ev| match ev.action {
                Action::Use(l) => l == holder,
                _ => false,
            });
            let Some(used) = used else { continue };
            let end = Span::new(stmt.end as usize - 1, stmt.end as usize);
            self.diags.push(
                Diagnostic::error(
                    DiagnosticKind::Ownership,
                    temp,
                    "temporary value dropped while borrowed",
                )
                .with_code("E0716")
                .with_span_label("creates a temporary value which is freed while still in use")
                .with_label(end, "temporary value is freed at the end of this statement")
                .with_label(used.span, "borrow later used here")
                .with_note("keep the value in a variable of its own (`let binding = ...;`) and borrow that"),
            );
        }
    }

    /// A local's value (or a field of it) moving out in a `let`, an argument or an
    /// assignment.
    fn moved_path(&self, e: &Expr) -> Option<(LocalId, Path)> {
        if !matches!(
            e.kind,
            ExprKind::Path(_) | ExprKind::Field { .. } | ExprKind::Deref(_)
        ) {
            return None;
        }
        let t = self.c.expr_ty.get(e.id as usize)?;
        if t.is_copy() {
            return None;
        }
        match &e.kind {
            ExprKind::Path(_) => Some((self.local(e)?, Vec::new())),
            _ => self.place(e),
        }
    }

    /// The borrows whose references end up in the value of `init` (made since event
    /// `from`) are held by `holder`, and so are the loans of the holders it copies.
    fn hold(&mut self, from: usize, init: &Expr, holder: LocalId) {
        let mut flow = Flow::default();
        self.flow(init, &mut flow);
        for span in flow.borrows {
            for ev in self.events[from..].iter_mut().rev() {
                if let Action::Borrow { holder: h, .. } = &mut ev.action {
                    if ev.span == span && h.is_none() {
                        *h = Some(holder);
                        break;
                    }
                }
            }
        }
        for l in flow.derives {
            if l != holder {
                self.push(
                    init.span,
                    Action::Derive {
                        from: l,
                        to: holder,
                    },
                );
            }
        }
    }

    /// What a `for` loop over `range` walks is borrowed by its hidden local `h`: the receiver
    /// of `.iter()`, `.iter_mut()`, `.chars()` or `.bytes()` (through `.enumerate()` and
    /// `.rev()`), or the references the source's value holds (`&v`, a slice).
    fn hold_walked(&mut self, from: usize, range: &Expr, h: LocalId) {
        let mut src = range;
        while let ExprKind::MethodCall {
            receiver, method, ..
        } = &src.kind
        {
            match method.as_str() {
                "enumerate" | "rev" | "into_iter" => src = receiver,
                "iter" | "iter_mut" | "chars" | "bytes" => {
                    match self.reached_place(receiver) {
                        Some((target, path)) => self.push(
                            src.span,
                            Action::Borrow {
                                target,
                                path,
                                mutable: method == "iter_mut",
                                holder: Some(h),
                            },
                        ),
                        None => {
                            if let Some(l) = self.base_local(receiver).filter(|&l| l != h) {
                                self.push(src.span, Action::Derive { from: l, to: h });
                            }
                        }
                    }
                    return;
                }
                _ => break,
            }
        }
        self.hold(from, src, h);
    }

    /// The `ref` and `ref mut` names of a pattern matched by value against the place
    /// `scrutinee` borrow their parts, each held by its name (`key`: where the checker
    /// keeps the pattern's locals).
    fn ref_names(&mut self, pat: &Pat, scrutinee: &Expr, key: ExprId) {
        let mut names = Vec::new();
        pat_names(pat, &mut Vec::new(), &mut names);
        if !names.iter().any(|n| n.1.is_some()) {
            return;
        }
        let (Some(ids), Some((target, base))) = (
            self.c.pat_locals.get(&key),
            self.place(scrutinee)
                .or_else(|| self.through_ref(scrutinee)),
        ) else {
            return;
        };
        if ids.len() != names.len() {
            return;
        }
        for ((path, by_ref, span), &id) in names.into_iter().zip(ids) {
            let Some(mutable) = by_ref else { continue };
            let mut full = base.clone();
            full.extend(path);
            self.push(
                span,
                Action::Borrow {
                    target,
                    path: full,
                    mutable,
                    holder: Some(id),
                },
            );
        }
    }

    /// The local a place starts from, through references too (`r` in `r.x[1]`).
    fn base_local(&self, e: &Expr) -> Option<LocalId> {
        match &e.kind {
            ExprKind::Path(_) => self.local(e),
            ExprKind::Field { base, .. } | ExprKind::Index(base, _) | ExprKind::Deref(base) => {
                self.base_local(base)
            }
            _ => None,
        }
    }

    /// The references that end up in the value of `e` (see [`Flow`]).
    fn flow(&self, e: &Expr, out: &mut Flow) {
        if !self.c.expr_ty.get(e.id as usize).is_some_and(holds_ref) {
            return;
        }
        match &e.kind {
            ExprKind::AddrOf { inner, .. } => {
                out.borrows.push(e.span);
                if self.root(inner).is_none() {
                    // A reference to a place reached through another reference: what that
                    // one borrows, it still borrows.
                    out.derives.extend(self.base_local(inner));
                }
            }
            ExprKind::Path(_) => out.derives.extend(self.local(e)),
            // A reference read out of a struct, tuple or array value keeps its loans; read
            // through another reference, it is left out (a missed error rather than a wrong
            // one).
            ExprKind::Field { base, .. } | ExprKind::Index(base, _) => {
                let bt = self.c.expr_ty.get(base.id as usize);
                if bt.is_some_and(|t| {
                    t.is_mem() && !matches!(t, Ty::StrRef | Ty::SliceRef(_)) && one_source(t)
                }) {
                    self.flow(base, out);
                }
            }
            ExprKind::Call(callee, args) => match self.c.res.get(&callee.id) {
                Some(Res::Fn(f)) => {
                    for p in self.c.sigs[*f as usize].ret_passes.clone() {
                        if let Some(a) = args.get(p.param) {
                            self.flow_param(a, p, out);
                        }
                    }
                }
                Some(Res::SomeCtor | Res::BoxNew | Res::TupleCtor) => {
                    args.iter().for_each(|a| self.flow(a, out))
                }
                _ => {}
            },
            ExprKind::MethodCall { receiver, args, .. } => {
                let by_ref = !matches!(
                    self.c.expr_ty.get(receiver.id as usize),
                    Some(Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_))
                );
                match (self.c.method_fns.get(&e.id), self.c.methods.get(&e.id)) {
                    (Some((f, mode)), _) => {
                        for p in self.c.sigs[*f as usize].ret_passes.clone() {
                            match (p.param, mode) {
                                (0, SelfMode::Ref { .. }) => {
                                    // The method borrowed the receiver (auto-ref).
                                    if p.outer {
                                        out.borrows.push(e.span);
                                    }
                                    if p.inner {
                                        self.flow_inside(receiver, out);
                                    }
                                }
                                (0, SelfMode::Pass) => {
                                    if p.outer {
                                        self.flow(receiver, out);
                                    }
                                }
                                (0, SelfMode::Value) => self.flow(receiver, out),
                                (i, _) => {
                                    if let Some(a) = args.get(i - 1) {
                                        self.flow_param(a, p, out);
                                    }
                                }
                            }
                        }
                    }
                    (
                        None,
                        Some(
                            Method::AsRef
                            | Method::AsMut
                            | Method::First
                            | Method::Last
                            | Method::AsStr
                            | Method::AsBytes
                            | Method::Trim,
                        ),
                    ) => {
                        if by_ref {
                            out.borrows.push(e.span);
                        } else {
                            self.flow(receiver, out);
                        }
                    }
                    (None, Some(Method::Unwrap | Method::Clone)) => self.flow(receiver, out),
                    _ => {}
                }
            }
            ExprKind::StructLit { fields, base, .. } => {
                fields.iter().for_each(|(_, _, v)| self.flow(v, out));
                if let Some(b) = base {
                    self.flow(b, out);
                }
            }
            ExprKind::Tuple(items) | ExprKind::ArrayList(items) | ExprKind::VecList(items) => {
                items.iter().for_each(|i| self.flow(i, out))
            }
            ExprKind::Block(b) => {
                if let Some(t) = &b.tail {
                    self.flow(t, out);
                }
            }
            ExprKind::If(_, then, els) => {
                if let Some(t) = &then.tail {
                    self.flow(t, out);
                }
                if let Some(e) = els {
                    self.flow(e, out);
                }
            }
            ExprKind::Match { arms, .. } => arms.iter().for_each(|a| self.flow(&a.body, out)),
            _ => {}
        }
    }

    /// What an argument passes on to a call's result (see [`Passes`]): its own reference's
    /// borrow (`outer`), and what the value it refers to holds (`inner`).
    fn flow_param(&self, a: &Expr, p: Passes, out: &mut Flow) {
        if p.outer {
            self.flow(a, out);
        }
        if p.inner {
            match &a.kind {
                ExprKind::AddrOf { inner, .. } => self.flow_inside(inner, out),
                _ if !p.outer => self.flow(a, out),
                _ => {}
            }
        }
    }

    /// The loans of what the place `e` holds (a local struct value such as `e` in `&e`),
    /// when they all come from one place.
    fn flow_inside(&self, e: &Expr, out: &mut Flow) {
        if self.root(e).is_none() {
            return;
        }
        let t = self.c.expr_ty.get(e.id as usize);
        if t.is_some_and(|t| holds_ref(t) && one_source(t)) {
            out.derives.extend(self.base_local(e));
        }
    }

    /// A function's value: a reference to one of its own locals cannot leave it (E0515).
    fn returned(&mut self, e: &Expr) {
        if !self.returns_ref {
            return;
        }
        match &e.kind {
            ExprKind::Block(b) => {
                if let Some(t) = &b.tail {
                    self.returned(t);
                }
            }
            ExprKind::If(_, then, els) => {
                if let Some(t) = &then.tail {
                    self.returned(t);
                }
                if let Some(e) = els {
                    self.returned(e);
                }
            }
            ExprKind::AddrOf { inner, .. } => {
                let Some(l) = self.root(inner) else { return };
                let name = self.name(l);
                let param = l < self.params;
                let whole = matches!(inner.kind, ExprKind::Path(_));
                let what = if param {
                    "function parameter"
                } else {
                    "local variable"
                };
                let d = if whole {
                    Diagnostic::error(
                        DiagnosticKind::Ownership,
                        e.span,
                        format!("cannot return reference to {what} `{name}`"),
                    )
                    .with_code("E0515")
                    .with_span_label("returns a reference to data owned by the current function")
                } else {
                    Diagnostic::error(
                        DiagnosticKind::Ownership,
                        e.span,
                        format!("cannot return value referencing {what} `{name}`"),
                    )
                    .with_code("E0515")
                    .with_span_label(
                        "returns a value referencing data owned by the current function",
                    )
                };
                self.diags.push(d.with_note(format!(
                    "`{name}` is freed when the function returns; return an owned value instead"
                )));
            }
            _ => {
                // A value holding a borrow of a local: a call's result, a struct, a holder.
                let mut flow = Flow::default();
                self.flow(e, &mut flow);
                let mut targets: Vec<LocalId> = Vec::new();
                for ev in self.events.iter().rev() {
                    if let Action::Borrow {
                        target,
                        holder,
                        ref path,
                        ..
                    } = ev.action
                    {
                        // What a reference points to is not the function's to free.
                        if self.behind_ref(target, path) {
                            continue;
                        }
                        let held = holder.is_some_and(|h| flow.derives.contains(&h));
                        if (flow.borrows.contains(&ev.span) || held) && !targets.contains(&target) {
                            targets.push(target);
                        }
                    }
                }
                let Some(&l) = targets.last() else { return };
                let name = self.name(l);
                let what = if l < self.params {
                    "function parameter"
                } else {
                    "local variable"
                };
                self.diags.push(
                    Diagnostic::error(
                        DiagnosticKind::Ownership,
                        e.span,
                        format!("cannot return value referencing {what} `{name}`"),
                    )
                    .with_code("E0515")
                    .with_span_label(
                        "returns a value referencing data owned by the current function",
                    )
                    .with_note(format!(
                        "`{name}` is freed when the function returns; return an owned value instead"
                    )),
                );
            }
        }
    }

    /// Walks `e` as a place that is borrowed or looked into, not read as a value.
    fn expr_place(&mut self, e: &Expr) {
        self.reading = false;
        self.expr(e);
        self.reading = true;
    }

    fn expr(&mut self, e: &Expr) {
        let reading = std::mem::replace(&mut self.reading, true);
        if reading
            && matches!(
                e.kind,
                ExprKind::Path(_)
                    | ExprKind::Field { .. }
                    | ExprKind::Index(..)
                    | ExprKind::Deref(_)
            )
            && self.c.expr_ty.get(e.id as usize).is_some_and(Ty::is_copy)
            && self.vec_indexed(e).is_none()
        {
            if let Some((l, path)) = self.place(e) {
                self.push(e.span, Action::Read(l, path));
            }
        }
        match &e.kind {
            ExprKind::Path(_) => {
                if let Some(l) = self.local(e) {
                    self.push(e.span, Action::Use(l));
                }
            }
            ExprKind::AddrOf { mutable, inner } => {
                self.expr_place(inner);
                if let Some((t, path)) = self.place(inner) {
                    self.push(
                        e.span,
                        Action::Borrow {
                            target: t,
                            path,
                            mutable: *mutable,
                            holder: None,
                        },
                    );
                }
            }
            ExprKind::Assign(lhs, rhs) => {
                // Assigning a local ends the loans it held (before the new one starts).
                let whole = matches!(lhs.kind, ExprKind::Path(_))
                    .then(|| self.local(lhs))
                    .flatten();
                if let Some(l) = whole {
                    self.push(e.span, Action::Assign(l, Vec::new()));
                }
                let before = self.events.len();
                self.expr(rhs);
                if let Some((l, p)) = self.moved_path(rhs) {
                    self.push(rhs.span, Action::Move(l, p));
                }
                if let (ExprKind::Path(_), Some(h)) = (&lhs.kind, self.local(lhs)) {
                    self.hold(before, rhs, h);
                }
                self.place_parts(lhs);
                if whole.is_none() {
                    self.write_place(lhs, e.span);
                }
            }
            ExprKind::CompoundAssign(_, lhs, rhs) => {
                self.expr(rhs);
                self.place_parts(lhs);
                self.write_place(lhs, e.span);
            }
            ExprKind::Call(callee, args) => {
                self.expr(callee);
                for a in args {
                    self.expr(a);
                    if let Some((l, p)) = self.moved_path(a) {
                        self.push(a.span, Action::Move(l, p));
                    }
                }
            }
            ExprKind::MethodCall { receiver, args, .. } => {
                // A method taking `&self` or `&mut self` borrows its receiver.
                match self.c.method_fns.get(&e.id) {
                    Some((_, SelfMode::Ref { .. })) => self.expr_place(receiver),
                    _ => self.expr(receiver),
                }
                for a in args {
                    self.expr(a);
                    if let Some((l, p)) = self.moved_path(a) {
                        self.push(a.span, Action::Move(l, p));
                    }
                }
                // Methods that take `&mut self` borrow the receiver mutably for the call.
                let mutable = match (self.c.method_fns.get(&e.id), self.c.methods.get(&e.id)) {
                    (Some((_, SelfMode::Ref { mutable })), _) => Some(*mutable),
                    (Some(_), _) => None,
                    (
                        None,
                        Some(
                            Method::Push
                            | Method::Pop
                            | Method::PushStr
                            | Method::PushChar
                            | Method::AsMut
                            | Method::Clear
                            | Method::Swap
                            | Method::PopChar
                            | Method::Take,
                        ),
                    ) => Some(true),
                    (None, Some(_)) => Some(false),
                    (None, None) => None,
                };
                // A method of the value in a Box borrows that value (`*b`), not the Box.
                let clones = matches!(
                    self.c.methods.get(&e.id),
                    Some(Method::Clone | Method::CloneBuffer | Method::DeepClone)
                );
                let place = if clones {
                    self.place(receiver)
                } else {
                    self.reached_place(receiver)
                };
                if let (Some(mutable), Some((t, path))) = (mutable, place) {
                    self.push(
                        e.span,
                        Action::Borrow {
                            target: t,
                            path,
                            mutable,
                            holder: None,
                        },
                    );
                }
            }
            ExprKind::Format { args, .. } => {
                // Each argument is borrowed: a local itself (also one holding a reference:
                // `&r` reads `r`), or a place, also one reached through a reference.
                for a in args {
                    self.expr_place(a);
                    let place = match (&a.kind, self.local(a)) {
                        (ExprKind::Path(_), Some(l)) => Some((l, Vec::new())),
                        _ => self.place(a).or_else(|| self.reached_place(a)),
                    };
                    if let Some((t, path)) = place {
                        self.push(
                            a.span,
                            Action::Borrow {
                                target: t,
                                path,
                                mutable: false,
                                holder: None,
                            },
                        );
                    }
                }
                if let Some((_, sources)) = self.c.formats.get(&e.id) {
                    for s in sources {
                        if let crate::check::FormatSource::Local(l, span) = s {
                            self.push(
                                *span,
                                Action::Borrow {
                                    target: *l,
                                    path: Vec::new(),
                                    mutable: false,
                                    holder: None,
                                },
                            );
                            self.push(e.span, Action::Use(*l));
                        }
                    }
                }
            }
            ExprKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                    self.returned(v);
                }
            }
            ExprKind::Block(b) => self.block(b, false),
            ExprKind::If(c, then, els) => {
                self.expr(c);
                self.block(then, false);
                if let Some(e) = els {
                    self.expr(e);
                }
            }
            ExprKind::While(c, body) => {
                self.expr(c);
                self.block(body, false);
            }
            ExprKind::Loop(body) => self.block(body, false),
            ExprKind::For { range, body, .. } => {
                let before = self.events.len();
                self.expr(range);
                // The loop keeps a hidden reference to what it walks (the slice of `&v`,
                // `v.iter()`, `&mut v`, the text of `s.chars()`), read again at each turn:
                // what it borrows stays borrowed through the body.
                let hidden = self
                    .c
                    .for_range
                    .get(&e.id)
                    .copied()
                    .filter(|&h| holds_ref(&self.decl_ty(h)));
                if let Some(h) = hidden {
                    self.hold_walked(before, range, h);
                }
                self.block(body, false);
                if let Some(h) = hidden {
                    self.push(range.span, Action::Use(h));
                }
            }
            ExprKind::Match { scrutinee, arms } => {
                self.expr(scrutinee);
                for a in arms {
                    self.ref_names(&a.pat, scrutinee, a.body.id);
                    if let Some(g) = &a.guard {
                        self.expr(g);
                    }
                    self.expr(&a.body);
                }
            }
            ExprKind::Deref(a) if matches!(self.c.expr_ty.get(a.id as usize), Some(Ty::Box(_))) => {
                self.expr_place(a)
            }
            ExprKind::Unary(_, a) | ExprKind::Cast(a, _) | ExprKind::Deref(a) => self.expr(a),
            ExprKind::Index(a, b) => {
                self.expr_place(a);
                self.expr(b);
                // Indexing a Vec borrows it (`Index`).
                if matches!(self.value_ty(a), Some(Ty::Vec(_))) {
                    if let Some((target, path)) = self.reached_place(a) {
                        self.push(
                            a.span,
                            Action::Borrow {
                                target,
                                path,
                                mutable: false,
                                holder: None,
                            },
                        );
                    }
                }
            }
            ExprKind::Binary(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Range { start, end, .. } => {
                self.expr(start);
                self.expr(end);
            }
            ExprKind::OpenRange { start, end, .. } => {
                if let Some(s) = start {
                    self.expr(s);
                }
                if let Some(s) = end {
                    self.expr(s);
                }
            }
            ExprKind::Break(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::Field { base, .. } => self.expr_place(base),
            ExprKind::StructLit { fields, base, .. } => {
                for (_, _, v) in fields {
                    self.expr(v);
                    if let Some((l, p)) = self.moved_path(v) {
                        self.push(v.span, Action::Move(l, p));
                    }
                }
                if let Some(b) = base {
                    self.expr(b);
                }
            }
            ExprKind::Tuple(items) | ExprKind::ArrayList(items) | ExprKind::VecList(items) => {
                for i in items {
                    self.expr(i);
                    if let Some((l, p)) = self.moved_path(i) {
                        self.push(i.span, Action::Move(l, p));
                    }
                }
            }
            ExprKind::ArrayRepeat(v, _) => self.expr(v),
            ExprKind::VecRepeat(v, n) => {
                self.expr(v);
                self.expr(n);
            }
            ExprKind::Int { .. }
            | ExprKind::Bool(_)
            | ExprKind::Str(_)
            | ExprKind::ByteStr(_)
            | ExprKind::Char(_)
            | ExprKind::Continue
            | ExprKind::MemQuery { .. }
            | ExprKind::Error => {}
        }
    }

    /// The index expressions inside an assigned place (the place itself is not a read, but
    /// a reference written through is).
    fn place_parts(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Field { base, .. } => self.place_parts(base),
            ExprKind::Index(base, idx) => {
                self.place_parts(base);
                self.expr(idx);
            }
            ExprKind::Deref(inner) => self.expr(inner),
            // A reference written through (`s[0] = 1` for `s: &mut [T]`, `r.x = 2`) is used.
            ExprKind::Path(_) if self.place(e).is_none() => self.expr(e),
            _ => {}
        }
    }

    /// Compares every held loan with what happens to its local while it is alive.
    fn conflicts(&mut self) {
        let mut reported: Vec<&'static str> = Vec::new();
        for loan in self.events.clone() {
            let Action::Borrow {
                target,
                path: ref lpath,
                mutable,
                holder: Some(h),
            } = loan.action
            else {
                continue;
            };
            // The loan lives until the last use of its holder (or of a holder that copied
            // from it), or until they are all assigned anew.
            let mut last = None;
            let mut holders = vec![h];
            for ev in &self.events[loan.at + 1..] {
                match &ev.action {
                    Action::Use(l) if holders.contains(l) => last = Some(ev.at),
                    Action::Derive { from, to }
                        if holders.contains(from) && !holders.contains(to) =>
                    {
                        holders.push(*to);
                    }
                    Action::Assign(l, p) if p.is_empty() && holders.contains(l) => {
                        holders.retain(|x| x != l);
                        if holders.is_empty() {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(last) = last else { continue };
            let tname = self.name(target);
            let lname = self.place_name(target, lpath);
            for ev in &self.events[loan.at + 1..last] {
                if let Action::Assign(l, p) = &ev.action {
                    if *l == h && p.is_empty() {
                        break;
                    }
                }
                let found = match &ev.action {
                    Action::Borrow {
                        target: t,
                        path: p,
                        mutable: m,
                        ..
                    } if *t == target && overlaps(p, lpath) && (*m || mutable) => {
                        let pname = self.place_name(*t, p);
                        let (code, msg) = match (mutable, *m) {
                            (true, true) => (
                                "E0499",
                                format!("cannot borrow `{pname}` as mutable more than once at a time"),
                            ),
                            (false, _) => (
                                "E0502",
                                format!("cannot borrow `{pname}` as mutable because it is also borrowed as immutable"),
                            ),
                            (true, false) => (
                                "E0502",
                                format!("cannot borrow `{pname}` as immutable because it is also borrowed as mutable"),
                            ),
                        };
                        let label = if *m {
                            "mutable borrow occurs here"
                        } else {
                            "immutable borrow occurs here"
                        };
                        Some((code, msg, label.to_string()))
                    }
                    Action::Read(t, p) if mutable && *t == target && overlaps(p, lpath) => {
                        let pname = self.place_name(*t, p);
                        Some((
                            "E0503",
                            format!("cannot use `{pname}` because it was mutably borrowed"),
                            format!("use of borrowed `{lname}`"),
                        ))
                    }
                    Action::Move(t, p) if *t == target && overlaps(p, lpath) => {
                        let pname = self.place_name(*t, p);
                        Some((
                            "E0505",
                            format!("cannot move out of `{pname}` because it is borrowed"),
                            format!("move out of `{pname}` occurs here"),
                        ))
                    }
                    Action::Assign(t, p)
                        if *t == target
                            && overlaps(p, lpath)
                            && !(p.is_empty() && self.behind_ref(target, lpath)) =>
                    {
                        let pname = self.place_name(*t, p);
                        Some((
                            "E0506",
                            format!("cannot assign to `{pname}` because it is borrowed"),
                            format!("`{pname}` is assigned to here but it was already borrowed"),
                        ))
                    }
                    Action::ScopeEnd(ls)
                        if ls.contains(&target) && !self.behind_ref(target, lpath) =>
                    {
                        Some((
                            "E0597",
                            format!("`{tname}` does not live long enough"),
                            String::new(),
                        ))
                    }
                    _ => None,
                };
                let Some((code, msg, label)) = found else {
                    continue;
                };
                if reported.contains(&code) {
                    break;
                }
                reported.push(code);
                let first = if mutable {
                    "mutable borrow occurs here"
                } else {
                    "immutable borrow occurs here"
                };
                let later = self.events[last].span;
                let hname = self.name(h);
                let d = if code == "E0597" {
                    Diagnostic::error(DiagnosticKind::Ownership, loan.span, msg)
                        .with_code(code)
                        .with_span_label("borrowed value does not live long enough")
                        .with_label(
                            ev.span,
                            format!("`{tname}` dropped here while still borrowed"),
                        )
                        .with_label(later, "borrow later used here")
                } else {
                    Diagnostic::error(DiagnosticKind::Ownership, ev.span, msg)
                        .with_code(code)
                        .with_span_label(label)
                        .with_label(
                            loan.span,
                            if code == "E0505" || code == "E0506" {
                                format!("borrow of `{lname}` occurs here")
                            } else {
                                first.to_string()
                            },
                        )
                        .with_label(later, "borrow later used here")
                };
                self.diags.push(d.with_note(format!(
                    "`{hname}` still refers to `{lname}` when it is used later"
                )));
                break;
            }
        }
    }
}
