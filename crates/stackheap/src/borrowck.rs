//! A small borrow checker that approximates rustc's (non-lexical lifetimes) for the common
//! cases: a reference held in a local (`let r = &v;`, `r = &x;`) keeps its loan alive from
//! the borrow to the last use of the local, and inside that stretch a conflicting borrow
//! (E0499, E0502), a move (E0505), an assignment (E0506) of the borrowed local, or the end of
//! the borrowed local's scope (E0597) is an error; returning a reference to a local is E0515.
//!
//! It works on the evaluation order of one function's syntax tree: every expression gets a
//! position, and loans and actions are compared by position. Loans only come from `&` written
//! directly as a `let` initializer or an assignment's right side, so it can miss errors
//! (a reference returned by a call, stored in a struct, loops) but never rejects a program
//! rustc accepts: an assignment to the holder ends its loans, as in rustc.

use crate::ast::*;
use crate::check::{Checked, LocalId, Method, Res, SelfMode};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;
use crate::types::Ty;

#[derive(Clone, Debug)]
enum Action {
    /// A borrow of `target` (`holder` is the local that keeps the reference, if any).
    Borrow {
        target: LocalId,
        mutable: bool,
        holder: Option<LocalId>,
    },
    /// The local is read (any mention of it).
    Use(LocalId),
    /// The local's value moves out.
    Move(LocalId),
    /// The local (or a part of it) is assigned.
    Assign(LocalId),
    /// These locals go out of scope.
    ScopeEnd(Vec<LocalId>),
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
            returns_ref: matches!(
                ret,
                Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_)
            ),
            params: f.params.len() as u32,
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
        match &e.kind {
            ExprKind::Path(_) => {
                let l = self.local(e)?;
                (!matches!(
                    self.decl_ty(l),
                    Ty::Ref(..) | Ty::StrRef | Ty::SliceRef(_) | Ty::SliceMut(_)
                ))
                .then_some(l)
            }
            ExprKind::Field { base, .. } | ExprKind::Index(base, _) => {
                if matches!(
                    self.c.expr_ty.get(base.id as usize),
                    Some(Ty::Ref(..) | Ty::SliceRef(_) | Ty::SliceMut(_) | Ty::Box(_))
                ) {
                    return None;
                }
                self.root(base)
            }
            _ => None,
        }
    }

    fn block(&mut self, b: &Block, fn_body: bool) {
        let mut declared = Vec::new();
        for s in &b.stmts {
            match s {
                Stmt::Let { init, span, .. } => {
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
                    if let Some(l) = self.moved_path(init) {
                        self.push(init.span, Action::Move(l));
                    }
                }
                Stmt::LetPat { init, .. } => {
                    self.expr(init);
                    if let Some(l) = self.moved_path(init) {
                        self.push(init.span, Action::Move(l));
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

    /// A local's value moving out in a `let`, an argument or an assignment.
    fn moved_path(&self, e: &Expr) -> Option<LocalId> {
        let l = self.local(e)?;
        let t = &self.c.expr_ty[e.id as usize];
        (!t.is_copy()).then_some(l)
    }

    /// The borrow made by `init` (an `&place`) is held by `holder`.
    fn hold(&mut self, from: usize, init: &Expr, holder: LocalId) {
        if !matches!(init.kind, ExprKind::AddrOf { .. }) {
            return;
        }
        for ev in self.events[from..].iter_mut().rev() {
            if let Action::Borrow { holder: h, .. } = &mut ev.action {
                if ev.span == init.span {
                    *h = Some(holder);
                    return;
                }
            }
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
            _ => {}
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Path(_) => {
                if let Some(l) = self.local(e) {
                    self.push(e.span, Action::Use(l));
                }
            }
            ExprKind::AddrOf { mutable, inner } => {
                self.expr(inner);
                if let Some(t) = self.root(inner) {
                    self.push(
                        e.span,
                        Action::Borrow {
                            target: t,
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
                    self.push(e.span, Action::Assign(l));
                }
                let before = self.events.len();
                self.expr(rhs);
                if let Some(l) = self.moved_path(rhs) {
                    self.push(rhs.span, Action::Move(l));
                }
                if let (ExprKind::Path(_), Some(h)) = (&lhs.kind, self.local(lhs)) {
                    self.hold(before, rhs, h);
                }
                self.place_parts(lhs);
                if whole.is_none() {
                    if let Some(t) = self.root(lhs) {
                        self.push(e.span, Action::Assign(t));
                    }
                }
            }
            ExprKind::CompoundAssign(_, lhs, rhs) => {
                self.expr(rhs);
                self.place_parts(lhs);
                if let Some(t) = self.root(lhs) {
                    self.push(e.span, Action::Assign(t));
                }
            }
            ExprKind::Call(callee, args) => {
                self.expr(callee);
                for a in args {
                    self.expr(a);
                    if let Some(l) = self.moved_path(a) {
                        self.push(a.span, Action::Move(l));
                    }
                }
            }
            ExprKind::MethodCall { receiver, args, .. } => {
                self.expr(receiver);
                for a in args {
                    self.expr(a);
                    if let Some(l) = self.moved_path(a) {
                        self.push(a.span, Action::Move(l));
                    }
                }
                // Methods that take `&mut self` borrow the receiver mutably for the call.
                let mutable = match (self.c.method_fns.get(&e.id), self.c.methods.get(&e.id)) {
                    (Some((_, SelfMode::Ref { mutable })), _) => Some(*mutable),
                    (Some(_), _) => None,
                    (
                        None,
                        Some(Method::Push | Method::Pop | Method::PushStr | Method::PushChar),
                    ) => Some(true),
                    (None, Some(_)) => Some(false),
                    (None, None) => None,
                };
                if let (Some(mutable), Some(t)) = (mutable, self.root(receiver)) {
                    self.push(
                        e.span,
                        Action::Borrow {
                            target: t,
                            mutable,
                            holder: None,
                        },
                    );
                }
            }
            ExprKind::Format { args, .. } => {
                for a in args {
                    self.expr(a);
                    if let Some(t) = self.root(a) {
                        self.push(
                            a.span,
                            Action::Borrow {
                                target: t,
                                mutable: false,
                                holder: None,
                            },
                        );
                    }
                }
                if let Some((_, sources)) = self.c.formats.get(&e.id) {
                    for s in sources {
                        if let crate::check::FormatSource::Local(l) = s {
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
                self.expr(range);
                self.block(body, false);
            }
            ExprKind::Match { scrutinee, arms } => {
                self.expr(scrutinee);
                for a in arms {
                    if let Some(g) = &a.guard {
                        self.expr(g);
                    }
                    self.expr(&a.body);
                }
            }
            ExprKind::Unary(_, a) | ExprKind::Cast(a, _) | ExprKind::Deref(a) => self.expr(a),
            ExprKind::Binary(_, a, b) | ExprKind::Index(a, b) => {
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
            ExprKind::Field { base, .. } => self.expr(base),
            ExprKind::StructLit { fields, base, .. } => {
                for (_, _, v) in fields {
                    self.expr(v);
                    if let Some(l) = self.moved_path(v) {
                        self.push(v.span, Action::Move(l));
                    }
                }
                if let Some(b) = base {
                    self.expr(b);
                }
            }
            ExprKind::Tuple(items) | ExprKind::ArrayList(items) | ExprKind::VecList(items) => {
                for i in items {
                    self.expr(i);
                    if let Some(l) = self.moved_path(i) {
                        self.push(i.span, Action::Move(l));
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
            | ExprKind::Char(_)
            | ExprKind::Continue
            | ExprKind::MemQuery { .. }
            | ExprKind::Error => {}
        }
    }

    /// The index expressions inside an assigned place (the place itself is not a read).
    fn place_parts(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Field { base, .. } => self.place_parts(base),
            ExprKind::Index(base, idx) => {
                self.place_parts(base);
                self.expr(idx);
            }
            ExprKind::Deref(inner) => self.expr(inner),
            _ => {}
        }
    }

    /// Compares every held loan with what happens to its local while it is alive.
    fn conflicts(&mut self) {
        let mut reported: Vec<&'static str> = Vec::new();
        for loan in self.events.clone() {
            let Action::Borrow {
                target,
                mutable,
                holder: Some(h),
            } = loan.action
            else {
                continue;
            };
            // The loan lives until the holder's last use, or until the holder is assigned.
            let mut last = None;
            for ev in &self.events[loan.at + 1..] {
                match ev.action {
                    Action::Use(l) if l == h => last = Some(ev.at),
                    Action::Assign(l) if l == h => break,
                    _ => {}
                }
            }
            let Some(last) = last else { continue };
            let tname = self.name(target);
            for ev in &self.events[loan.at + 1..last] {
                if let Action::Assign(l) = ev.action {
                    if l == h {
                        break;
                    }
                }
                let found = match &ev.action {
                    Action::Borrow {
                        target: t,
                        mutable: m,
                        ..
                    } if *t == target && (*m || mutable) => {
                        let (code, msg) = match (mutable, *m) {
                            (true, true) => (
                                "E0499",
                                format!("cannot borrow `{tname}` as mutable more than once at a time"),
                            ),
                            (false, _) => (
                                "E0502",
                                format!("cannot borrow `{tname}` as mutable because it is also borrowed as immutable"),
                            ),
                            (true, false) => (
                                "E0502",
                                format!("cannot borrow `{tname}` as immutable because it is also borrowed as mutable"),
                            ),
                        };
                        let label = if *m {
                            "mutable borrow occurs here"
                        } else {
                            "immutable borrow occurs here"
                        };
                        Some((code, msg, label.to_string()))
                    }
                    Action::Move(t) if *t == target => Some((
                        "E0505",
                        format!("cannot move out of `{tname}` because it is borrowed"),
                        format!("move out of `{tname}` occurs here"),
                    )),
                    Action::Assign(t) if *t == target => Some((
                        "E0506",
                        format!("cannot assign to `{tname}` because it is borrowed"),
                        format!("`{tname}` is assigned to here but it was already borrowed"),
                    )),
                    Action::ScopeEnd(ls) if ls.contains(&target) => Some((
                        "E0597",
                        format!("`{tname}` does not live long enough"),
                        String::new(),
                    )),
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
                                format!("`{tname}` is borrowed here")
                            } else {
                                first.to_string()
                            },
                        )
                        .with_label(later, "borrow later used here")
                };
                self.diags.push(d.with_note(format!(
                    "`{hname}` still refers to `{tname}` when it is used later"
                )));
                break;
            }
        }
    }
}
