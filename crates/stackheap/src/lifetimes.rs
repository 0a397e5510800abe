//! Lifetimes in signatures and struct fields: the lifetimes a written type mentions (named
//! like `'a`, or elided), rustc's errors for a missing (E0106) or undeclared (E0261) one,
//! and which parameters a function's returned value borrows from, by rustc's rules (named
//! lifetimes shared with the return type, else elision: `&self`'s, or the only one).

use crate::maps::SortedMap;

use crate::ast::{Function, TypeExpr, TypeExprKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;

/// A lifetime in a written type.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Lt {
    Named(String),
    /// Not written (`&str`, `Excerpt` for `Excerpt<'_>`): each one its own.
    Elided(u32),
    Static,
}

/// What a parameter passes on to the returned value: the borrow its own reference makes
/// (`outer`: `x` of `x: &'a str` in `-> &'a str`), and what the value it refers to (or
/// holds) borrows (`inner`: the `'a` of `&self` in `impl<'a> Excerpt<'a>`, `-> &'a str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passes {
    pub param: usize,
    pub outer: bool,
    pub inner: bool,
}

/// Collects the lifetimes of a written type, in order, with where each is written.
/// `structs` gives the number of lifetime parameters of each struct; `self_lts` the
/// lifetimes `Self` stands with (the `impl`'s arguments).
struct Collect<'s> {
    structs: &'s SortedMap<String, usize>,
    self_lts: &'s [(String, Span)],
    next: u32,
}

impl Collect<'_> {
    fn lt(&mut self, written: Option<&(String, Span)>, at: Span) -> (Lt, Span) {
        match written {
            Some((n, sp)) if n == "'static" => (Lt::Static, *sp),
            Some((n, sp)) if n != "'_" => (Lt::Named(n.clone()), *sp),
            Some((_, sp)) => {
                self.next += 1;
                (Lt::Elided(self.next), *sp)
            }
            None => {
                self.next += 1;
                (Lt::Elided(self.next), at)
            }
        }
    }

    fn walk(&mut self, t: &TypeExpr, out: &mut Vec<(Lt, Span)>) {
        match &t.kind {
            TypeExprKind::Ref(_, inner) => {
                let amp = Span::new(t.span.start as usize, t.span.start as usize + 1);
                let l = self.lt(t.lifetimes.first(), amp);
                out.push(l);
                self.walk(inner, out);
            }
            TypeExprKind::Path(name, args) => {
                if name == "Self" {
                    for l in self.self_lts {
                        let x = self.lt(Some(l), l.1);
                        out.push(x);
                    }
                } else if let Some(&n) = self.structs.get(name) {
                    if t.lifetimes.is_empty() {
                        for _ in 0..n {
                            let x = self.lt(None, t.span);
                            out.push(x);
                        }
                    }
                }
                for l in &t.lifetimes {
                    let x = self.lt(Some(l), l.1);
                    out.push(x);
                }
                for a in args {
                    self.walk(a, out);
                }
            }
            TypeExprKind::Tuple(ts) => ts.iter().for_each(|t| self.walk(t, out)),
            TypeExprKind::Array(e, _) | TypeExprKind::Slice(e) => self.walk(e, out),
            _ => {}
        }
    }
}

/// E0261 for each named lifetime in `t` that `declared` does not declare.
fn undeclared(t: &TypeExpr, declared: &[(String, Span)], diags: &mut Vec<Diagnostic>) {
    let mut check = |name: &str, span: Span| {
        if name != "'static" && name != "'_" && !declared.iter().any(|d| d.0 == name) {
            diags.push(
                Diagnostic::error(
                    DiagnosticKind::Name,
                    span,
                    format!("use of undeclared lifetime name `{name}`"),
                )
                .with_code("E0261")
                .with_span_label("undeclared lifetime")
                .with_note(format!("declare it after the name: `<{name}>`")),
            );
        }
    };
    for (n, sp) in &t.lifetimes {
        check(n, *sp);
    }
    match &t.kind {
        TypeExprKind::Ref(_, inner) => undeclared(inner, declared, diags),
        TypeExprKind::Path(_, args) | TypeExprKind::Tuple(args) => {
            args.iter().for_each(|a| undeclared(a, declared, diags))
        }
        TypeExprKind::Array(e, _) | TypeExprKind::Slice(e) => undeclared(e, declared, diags),
        _ => {}
    }
}

fn missing(span: Span) -> Diagnostic {
    Diagnostic::error(DiagnosticKind::Name, span, "missing lifetime specifier")
        .with_code("E0106")
        .with_span_label("expected named lifetime parameter")
}

/// Checks a struct's field types: every reference needs a lifetime the struct declares.
pub fn check_struct_field(
    t: &TypeExpr,
    declared: &[(String, Span)],
    structs: &SortedMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) {
    undeclared(t, declared, diags);
    let mut c = Collect {
        structs,
        self_lts: &[],
        next: 0,
    };
    let mut lts = Vec::new();
    c.walk(t, &mut lts);
    if let Some((_, span)) = lts.iter().find(|(l, _)| matches!(l, Lt::Elided(_))) {
        diags.push(missing(*span).with_note(
            "a struct that holds a reference names its lifetime: `struct S<'a> { r: &'a str }`",
        ));
    }
}

/// Checks a function's signature (E0261, E0106) and works out which parameters its
/// returned value borrows from.
pub fn signature(
    f: &Function,
    self_lts: &[(String, Span)],
    structs: &SortedMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Passes> {
    let before = diags.len();
    for p in &f.params {
        undeclared(&p.ty, &f.lifetimes, diags);
    }
    if let Some(r) = &f.ret {
        undeclared(r, &f.lifetimes, diags);
    }
    if diags.len() > before {
        return Vec::new();
    }
    let mut c = Collect {
        structs,
        self_lts,
        next: 0,
    };
    // Each parameter's lifetimes: its own reference's first (when it is one), then the rest.
    let params: Vec<(Option<Lt>, Vec<Lt>)> = f
        .params
        .iter()
        .map(|p| {
            let mut lts = Vec::new();
            c.walk(&p.ty, &mut lts);
            let mut lts: Vec<Lt> = lts.into_iter().map(|(l, _)| l).collect();
            let outer = matches!(p.ty.kind, TypeExprKind::Ref(..)).then(|| lts.remove(0));
            (outer, lts)
        })
        .collect();
    let Some(ret) = &f.ret else {
        return Vec::new();
    };
    let mut ret_lts = Vec::new();
    c.walk(ret, &mut ret_lts);
    if ret_lts.is_empty() {
        return Vec::new();
    }
    let mut wanted: Vec<Lt> = ret_lts
        .iter()
        .filter(|(l, _)| matches!(l, Lt::Named(_)))
        .map(|(l, _)| l.clone())
        .collect();
    if let Some((_, span)) = ret_lts.iter().find(|(l, _)| matches!(l, Lt::Elided(_))) {
        // Elision: `&self`'s lifetime, else the only one among the parameters.
        let by_self = f.params.first().filter(|p| p.name == "self");
        let target = match by_self.and(params.first()) {
            Some((Some(outer), _)) => Some(outer.clone()),
            _ => {
                let mut all: Vec<&Lt> = Vec::new();
                for (o, rest) in &params {
                    for l in o.iter().chain(rest) {
                        if !matches!(l, Lt::Static) && !all.contains(&l) {
                            all.push(l);
                        }
                    }
                }
                (all.len() == 1).then(|| all[0].clone())
            }
        };
        match target {
            Some(t) => wanted.push(t),
            None => {
                let names: Vec<&str> = f
                    .params
                    .iter()
                    .filter(|p| {
                        let mut l = Vec::new();
                        c.walk(&p.ty, &mut l);
                        !l.is_empty()
                    })
                    .map(|p| p.name.as_str())
                    .collect();
                let why = match names.as_slice() {
                    [] => "this function's return type contains a borrowed value, but there is no value for it to be borrowed from".to_string(),
                    [a, b] => format!("this function's return type contains a borrowed value, but the signature does not say whether it is borrowed from `{a}` or `{b}`"),
                    _ => "this function's return type contains a borrowed value, but the signature does not say which one of its arguments it is borrowed from".to_string(),
                };
                diags.push(missing(*span).with_note(why));
                return Vec::new();
            }
        }
    }
    params
        .iter()
        .enumerate()
        .filter_map(|(i, (outer, rest))| {
            let outer = outer.as_ref().is_some_and(|o| wanted.contains(o));
            let inner = rest.iter().any(|l| wanted.contains(l));
            (outer || inner).then_some(Passes {
                param: i,
                outer,
                inner,
            })
        })
        .collect()
}
