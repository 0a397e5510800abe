//! Exhaustiveness of patterns: whether the arms of a `match` (or the pattern of a `let` or a
//! `for`) cover every value of the matched type, and if not, which values they miss, named
//! as rustc names them (`(false, _)`, `Some(1_u8..=u8::MAX)`, `P { y: false, .. }`).
//!
//! It is the usefulness algorithm rustc uses: the patterns form a matrix with one column per
//! part of the value still to look at; the first column's constructors (`true`, `None`,
//! `Some`, integer ranges split where any pattern's range starts or ends, ...) are tried in
//! turn, each keeping the rows that allow it, and a value no row matches is a witness. Like
//! rustc, the constructors that no row mentions are reported together, and a column with
//! missing constructors reports only those (not what is missing further inside the others).

use crate::ast::Pat;
use crate::settings::PtrWidth;
use crate::types::{IntTy, StructKind, Ty};

/// The most pattern rows the check looks at (over all its steps) before giving up.
const BUDGET: usize = 1_000_000;

/// The most columns (parts of a value) looked at one inside another before giving up.
const MAX_DEPTH: usize = 256;

/// What a column holds: a value of a type, or (behind a `&str`) the string itself.
#[derive(Clone, Debug)]
enum Col {
    Of(Ty),
    Str,
}

/// A constructor: what the outermost part of a value is.
#[derive(Clone, Debug, PartialEq)]
enum Ctor {
    Bool(bool),
    /// Integers and `char`s: the values `lo..=hi`.
    Range(i128, i128),
    Str(String),
    None,
    Some,
    /// The only constructor of a tuple, a struct or a reference.
    Single,
    /// All the constructors no row names (reported one by one, or as `_`).
    Missing,
}

/// A pattern reduced to constructors and wildcards.
#[derive(Clone, Debug)]
enum Lowered {
    Wild,
    Ctor(Ctor, Vec<Lowered>),
    Or(Vec<Lowered>),
}

#[derive(Clone, Debug)]
struct Row {
    pats: Vec<Lowered>,
    guarded: bool,
}

/// A value no pattern matches: a constructor (`None` for `_`) and its parts.
#[derive(Clone, Debug)]
struct Witness {
    ctor: Option<Ctor>,
    fields: Vec<Witness>,
    col: Col,
}

/// How the constructors of a column split: the ones rows name, and the rest.
struct Split {
    present: Vec<Ctor>,
    missing: Vec<Ctor>,
    /// The type has values no finite list of constructors covers (strings, `Vec`s, ...).
    infinite: bool,
}

/// The values `arms` (patterns, and whether each has a guard) leave uncovered in a value of
/// type `t`, as rustc writes them; empty when the arms are exhaustive. `Err` when the patterns
/// are too many to check.
pub fn uncovered(t: &Ty, arms: &[(&Pat, bool)], ptr: PtrWidth) -> Result<Vec<String>, ()> {
    let col = Col::Of(t.clone());
    let rows = arms
        .iter()
        .map(|(p, guarded)| Row {
            pats: vec![lower(p, &col)],
            guarded: *guarded,
        })
        .collect();
    let mut cx = Cx {
        ptr,
        budget: BUDGET,
        depth: 0,
    };
    let ws = cx.witnesses(rows, &[col], true, true)?;
    Ok(ws
        .into_iter()
        .filter_map(|w| w.into_iter().next())
        .map(|w| show(&w, ptr))
        .collect())
}

/// A list of witnesses as rustc joins them: "`a`", "`a` and `b`", "`a`, `b` and `c`", and
/// beyond three, "`a`, `b`, `c` and 2 more".
pub fn joined(ws: &[String]) -> String {
    match ws {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [head @ .., last] if head.len() < 3 => format!("`{}` and `{last}`", head.join("`, `")),
        _ => format!("`{}` and {} more", ws[..3].join("`, `"), ws.len() - 3),
    }
}

/// Lowers a pattern matched against a value of type `col`. References are matched through
/// (match ergonomics): a constructor pattern against `&T` matches the `T` behind it.
fn lower(p: &Pat, col: &Col) -> Lowered {
    let t = match col {
        Col::Str => {
            return match p {
                Pat::Str(s, _) => Lowered::Ctor(Ctor::Str(s.clone()), Vec::new()),
                Pat::Or(alts, _) => Lowered::Or(alts.iter().map(|a| lower(a, col)).collect()),
                _ => Lowered::Wild,
            };
        }
        Col::Of(t) => t,
    };
    let is_none = |name: &str| name == "None" && matches!(t.deref_all(), Ty::Option(_));
    let is_unit = |name: &str| matches!(t.deref_all(), Ty::Struct(d) if d.kind == StructKind::Unit && d.name == name);
    match p {
        Pat::Wild(_) => return Lowered::Wild,
        Pat::Bind { name, .. } if !is_none(name) && !is_unit(name) => return Lowered::Wild,
        Pat::Or(alts, _) => return Lowered::Or(alts.iter().map(|a| lower(a, col)).collect()),
        _ => {}
    }
    match (p, t) {
        (Pat::Ref(inner_pat, _), Ty::Ref(_, inner)) => Lowered::Ctor(
            Ctor::Single,
            vec![lower(inner_pat, &Col::Of((**inner).clone()))],
        ),
        (_, Ty::Ref(_, inner)) => {
            Lowered::Ctor(Ctor::Single, vec![lower(p, &Col::Of((**inner).clone()))])
        }
        (_, Ty::StrRef) => Lowered::Ctor(Ctor::Single, vec![lower(p, &Col::Str)]),
        (Pat::Bind { .. }, Ty::Option(_)) => Lowered::Ctor(Ctor::None, Vec::new()),
        (Pat::Bind { .. }, Ty::Struct(_)) => Lowered::Ctor(Ctor::Single, Vec::new()),
        (Pat::TupleStruct { name, items, .. }, Ty::Option(inner))
            if name == "Some" && items.len() == 1 =>
        {
            Lowered::Ctor(
                Ctor::Some,
                vec![lower(&items[0], &Col::Of((**inner).clone()))],
            )
        }
        (Pat::Bool(b, _), Ty::Bool) => Lowered::Ctor(Ctor::Bool(*b), Vec::new()),
        (Pat::Lit { value, .. }, _) => Lowered::Ctor(Ctor::Range(*value, *value), Vec::new()),
        (
            Pat::Range {
                lo, hi, inclusive, ..
            },
            _,
        ) => Lowered::Ctor(
            Ctor::Range(*lo, if *inclusive { *hi } else { hi - 1 }),
            Vec::new(),
        ),
        (Pat::Tuple(items, _), Ty::Tuple(ts)) if items.len() == ts.len() => Lowered::Ctor(
            Ctor::Single,
            items
                .iter()
                .zip(ts)
                .map(|(p, t)| lower(p, &Col::Of(t.clone())))
                .collect(),
        ),
        (Pat::TupleStruct { items, .. }, Ty::Struct(d)) if items.len() == d.fields().len() => {
            Lowered::Ctor(
                Ctor::Single,
                items
                    .iter()
                    .zip(d.fields().iter())
                    .map(|(p, f)| lower(p, &Col::Of(f.ty.clone())))
                    .collect(),
            )
        }
        (Pat::Struct { fields, .. }, Ty::Struct(d)) => Lowered::Ctor(
            Ctor::Single,
            d.fields()
                .iter()
                .map(|f| match fields.iter().find(|(n, _, _)| *n == f.name) {
                    Some((_, _, p)) => lower(p, &Col::Of(f.ty.clone())),
                    None => Lowered::Wild,
                })
                .collect(),
        ),
        _ => Lowered::Wild,
    }
}

/// The values of an integer type as ranges. `usize` and `isize` are taken to go on past
/// their bounds, as rustc takes them: a match on them needs `_` (or `n..`) to be exhaustive.
fn int_domain(i: IntTy, ptr: PtrWidth) -> Vec<(i128, i128)> {
    let (min, max) = (i.min(ptr), i.max(ptr));
    match i {
        IntTy::Usize => vec![(min, max + 1)],
        IntTy::Isize => vec![(min - 1, max + 1)],
        _ => vec![(min, max)],
    }
}

const CHAR_DOMAIN: [(i128, i128); 2] = [(0, 0xD7FF), (0xE000, 0x10_FFFF)];

struct Cx {
    ptr: PtrWidth,
    budget: usize,
    depth: usize,
}

impl Cx {
    /// The types of the parts of a constructor's value.
    fn fields(&self, ctor: &Ctor, col: &Col) -> Vec<Col> {
        let Col::Of(t) = col else {
            return Vec::new();
        };
        match (ctor, t) {
            (Ctor::Some, Ty::Option(inner)) => vec![Col::Of((**inner).clone())],
            (Ctor::Single, Ty::Tuple(ts)) => ts.iter().map(|t| Col::Of(t.clone())).collect(),
            (Ctor::Single, Ty::Struct(d)) => {
                d.fields().iter().map(|f| Col::Of(f.ty.clone())).collect()
            }
            (Ctor::Single, Ty::Ref(_, inner)) => vec![Col::Of((**inner).clone())],
            (Ctor::Single, Ty::StrRef) => vec![Col::Str],
            _ => Vec::new(),
        }
    }

    /// The constructors of a column: which the rows' first patterns name, which not.
    fn split(&self, col: &Col, heads: &[&Lowered]) -> Split {
        let ctors: Vec<&Ctor> = heads
            .iter()
            .filter_map(|h| match h {
                Lowered::Ctor(c, _) => Some(c),
                _ => None,
            })
            .collect();
        let t = match col {
            Col::Str => {
                let mut present: Vec<Ctor> = Vec::new();
                for c in ctors {
                    if !present.contains(c) {
                        present.push(c.clone());
                    }
                }
                return Split {
                    present,
                    missing: Vec::new(),
                    infinite: true,
                };
            }
            Col::Of(t) => t,
        };
        let listed = |all: Vec<Ctor>, present_order: Vec<Ctor>| {
            let (present, missing) = (
                present_order
                    .into_iter()
                    .filter(|c| ctors.contains(&c))
                    .collect(),
                all.into_iter().filter(|c| !ctors.contains(&c)).collect(),
            );
            Split {
                present,
                missing,
                infinite: false,
            }
        };
        match t {
            // rustc tries `true` before `false`, and lists a missing `false` first.
            Ty::Bool => listed(
                vec![Ctor::Bool(false), Ctor::Bool(true)],
                vec![Ctor::Bool(true), Ctor::Bool(false)],
            ),
            Ty::Option(_) => listed(vec![Ctor::None, Ctor::Some], vec![Ctor::None, Ctor::Some]),
            Ty::Tuple(_) | Ty::Struct(_) | Ty::Ref(..) | Ty::StrRef => {
                listed(vec![Ctor::Single], vec![Ctor::Single])
            }
            Ty::Int(i) => self.split_ranges(&int_domain(*i, self.ptr), &ctors),
            Ty::Char => self.split_ranges(&CHAR_DOMAIN, &ctors),
            _ => Split {
                present: Vec::new(),
                missing: Vec::new(),
                infinite: true,
            },
        }
    }

    /// Splits a domain of ranges where any of the rows' ranges starts or ends: each piece is
    /// matched by the same rows throughout.
    fn split_ranges(&self, domain: &[(i128, i128)], ctors: &[&Ctor]) -> Split {
        // Open ends (`5..`) stop at the domain's ends.
        let (dmin, dmax) = match (domain.first(), domain.last()) {
            (Some(first), Some(last)) => (first.0, last.1),
            _ => (0, -1),
        };
        let ranges: Vec<(i128, i128)> = ctors
            .iter()
            .filter_map(|c| match c {
                Ctor::Range(lo, hi) => Some(((*lo).max(dmin), (*hi).min(dmax))),
                _ => None,
            })
            .filter(|(lo, hi)| lo <= hi)
            .collect();
        let mut borders: Vec<i128> = ranges.iter().flat_map(|&(lo, hi)| [lo, hi + 1]).collect();
        borders.sort_unstable();
        borders.dedup();
        let mut present = Vec::new();
        let mut missing = Vec::new();
        for &(dlo, dhi) in domain {
            let mut points = vec![dlo];
            points.extend(borders.iter().copied().filter(|&b| b > dlo && b <= dhi));
            points.push(dhi + 1);
            for w in points.windows(2) {
                let (lo, hi) = (w[0], w[1] - 1);
                let covered = ranges.iter().any(|&(a, b)| a <= lo && hi <= b);
                if covered {
                    present.push(Ctor::Range(lo, hi));
                } else {
                    missing.push(Ctor::Range(lo, hi));
                }
            }
        }
        Split {
            present,
            missing,
            infinite: false,
        }
    }

    /// The values (one witness per column) that no unguarded row matches; only relevant ones
    /// are reported, as rustc reports them.
    fn witnesses(
        &mut self,
        rows: Vec<Row>,
        cols: &[Col],
        scrutinee: bool,
        relevant: bool,
    ) -> Result<Vec<Vec<Witness>>, ()> {
        self.budget = self.budget.checked_sub(rows.len() + 1).ok_or(())?;
        let Some((col, rest)) = cols.split_first() else {
            let useful = rows.iter().all(|r| r.guarded);
            return Ok(if useful && relevant {
                vec![Vec::new()]
            } else {
                Vec::new()
            });
        };
        // `a | b` in the first column: one row per alternative.
        let mut expanded = Vec::with_capacity(rows.len());
        for r in rows {
            expand_or(r, &mut expanded);
        }
        let mut rows = expanded;
        // Columns where every row has `_` say nothing: each is `_` in every witness. They
        // are skipped here rather than one call deeper each (a struct may have many).
        if !scrutinee {
            let skip = (0..cols.len())
                .take_while(|&i| {
                    rows.iter()
                        .all(|r| matches!(r.pats.get(i), Some(Lowered::Wild)))
                })
                .count();
            if skip > 0 {
                for r in rows.iter_mut() {
                    r.pats.drain(..skip);
                }
                let mut ws = self.witnesses(rows, &cols[skip..], false, relevant)?;
                for w in ws.iter_mut() {
                    w.splice(0..0, cols[..skip].iter().map(wild));
                }
                return Ok(ws);
            }
        }
        let heads: Vec<&Lowered> = rows.iter().map(|r| &r.pats[0]).collect();
        let split = self.split(col, &heads);
        let some_missing = !split.missing.is_empty() || split.infinite;
        let mut ctors = split.present.clone();
        if some_missing {
            ctors.push(Ctor::Missing);
        }
        let mut out = Vec::new();
        for ctor in ctors {
            let fields = if ctor == Ctor::Missing {
                Vec::new()
            } else {
                self.fields(&ctor, col)
            };
            let arity = fields.len();
            let spec: Vec<Row> = rows
                .iter()
                .filter_map(|r| specialize(r, &ctor, arity))
                .collect();
            let mut sub_cols = fields;
            sub_cols.extend_from_slice(rest);
            let ctor_relevant = ctor == Ctor::Missing || !some_missing;
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(());
            }
            let ws = self.witnesses(spec, &sub_cols, false, relevant && ctor_relevant);
            self.depth -= 1;
            let ws = ws?;
            if ws.is_empty() {
                continue;
            }
            if ctor != Ctor::Missing {
                for mut w in ws {
                    let parts: Vec<Witness> = w.drain(..arity.min(w.len())).collect();
                    w.insert(
                        0,
                        Witness {
                            ctor: Some(ctor.clone()),
                            fields: parts,
                            col: col.clone(),
                        },
                    );
                    out.push(w);
                }
                continue;
            }
            // The constructors no row names: each one (filled with `_`), or `_` for them all
            // inside a value when the rows name none of this column's constructors.
            let individual = scrutinee || !split.present.is_empty();
            if !individual || split.infinite {
                for mut w in ws {
                    w.insert(0, wild(col));
                    out.push(w);
                }
                continue;
            }
            for m in &split.missing {
                let parts: Vec<Witness> = self.fields(m, col).iter().map(wild).collect();
                for w in &ws {
                    let mut w = w.clone();
                    w.insert(
                        0,
                        Witness {
                            ctor: Some(m.clone()),
                            fields: parts.clone(),
                            col: col.clone(),
                        },
                    );
                    out.push(w);
                }
            }
        }
        Ok(out)
    }
}

fn wild(col: &Col) -> Witness {
    Witness {
        ctor: None,
        fields: Vec::new(),
        col: col.clone(),
    }
}

/// A row whose first pattern is `a | b | ...` becomes one row per alternative.
fn expand_or(r: Row, out: &mut Vec<Row>) {
    if let Some(Lowered::Or(alts)) = r.pats.first() {
        for a in alts.clone() {
            let mut pats = r.pats.clone();
            pats[0] = a;
            expand_or(
                Row {
                    pats,
                    guarded: r.guarded,
                },
                out,
            );
        }
        return;
    }
    out.push(r);
}

/// The row, for values made with `ctor`: its first pattern replaced by that pattern's parts
/// (wildcards for a wildcard), or `None` when the row does not allow `ctor`.
fn specialize(r: &Row, ctor: &Ctor, arity: usize) -> Option<Row> {
    let (head, rest) = r.pats.split_first()?;
    let mut pats: Vec<Lowered> = match head {
        Lowered::Wild => vec![Lowered::Wild; arity],
        Lowered::Ctor(c, fields) if covers(c, ctor) => fields.clone(),
        _ => return None,
    };
    pats.extend_from_slice(rest);
    Some(Row {
        pats,
        guarded: r.guarded,
    })
}

/// Whether pattern constructor `pat` matches every value made with `ctor`.
fn covers(pat: &Ctor, ctor: &Ctor) -> bool {
    match (pat, ctor) {
        (Ctor::Range(a, b), Ctor::Range(lo, hi)) => a <= lo && hi <= b,
        (_, Ctor::Missing) => false,
        (p, c) => p == c,
    }
}

/// A witness as rustc writes it.
fn show(w: &Witness, ptr: PtrWidth) -> String {
    let Some(ctor) = &w.ctor else {
        return "_".into();
    };
    let part = |i: usize| w.fields.get(i).map_or("_".to_string(), |f| show(f, ptr));
    let t = match &w.col {
        Col::Of(t) => t,
        Col::Str => return "_".into(),
    };
    match (ctor, t) {
        (Ctor::Bool(b), _) => b.to_string(),
        (Ctor::None, _) => "None".into(),
        (Ctor::Some, _) => format!("Some({})", part(0)),
        (Ctor::Range(lo, hi), Ty::Char) => {
            let c =
                |v: i128| char::from_u32(v as u32).map_or("_".to_string(), |c| format!("{c:?}"));
            if lo == hi {
                c(*lo)
            } else {
                format!("{}..={}", c(*lo), c(*hi))
            }
        }
        (Ctor::Range(lo, hi), Ty::Int(i)) => show_range(*i, *lo, *hi, ptr),
        (Ctor::Single, Ty::Ref(true, _)) => format!("&mut {}", part(0)),
        (Ctor::Single, Ty::Ref(false, _) | Ty::StrRef) => format!("&{}", part(0)),
        (Ctor::Single, Ty::Tuple(ts)) => {
            let parts: Vec<String> = (0..ts.len()).map(part).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        (Ctor::Single, Ty::Struct(d)) => match d.kind {
            StructKind::Unit => d.name.clone(),
            StructKind::Tuple => {
                let parts: Vec<String> = (0..d.fields().len()).map(part).collect();
                format!("{}({})", d.name, parts.join(", "))
            }
            StructKind::Named => {
                let mut shown: Vec<String> = Vec::new();
                let mut omitted = false;
                for (i, f) in d.fields().iter().enumerate() {
                    match w.fields.get(i) {
                        Some(x) if x.ctor.is_some() => {
                            shown.push(format!("{}: {}", f.name, show(x, ptr)))
                        }
                        _ => omitted = true,
                    }
                }
                if omitted {
                    shown.push("..".into());
                }
                format!("{} {{ {} }}", d.name, shown.join(", "))
            }
        },
        _ => "_".into(),
    }
}

/// An integer range as rustc writes it in a witness: `5_u8`, `1_i32..=4_i32`,
/// `i32::MIN..=-1_i32`, and for `usize` and `isize` the parts past their bounds as open
/// ranges (`1_usize..`, `..=-1_isize`, `usize::MAX..`, `..isize::MIN`).
fn show_range(i: IntTy, lo: i128, hi: i128, ptr: PtrWidth) -> String {
    let (min, max) = (i.min(ptr), i.max(ptr));
    let name = i.name();
    let value = |v: i128| {
        if v == max {
            format!("{name}::MAX")
        } else if v == min && i.signed() {
            format!("{name}::MIN")
        } else {
            format!("{v}_{name}")
        }
    };
    match (lo < min, hi > max) {
        (true, true) => "_".into(),
        (false, true) if lo > max => format!("{name}::MAX.."),
        (false, true) => format!("{}..", value(lo)),
        (true, false) if hi < min => format!("..{name}::MIN"),
        (true, false) => format!("..={}", value(hi)),
        (false, false) if lo == hi => value(lo),
        (false, false) => format!("{}..={}", value(lo), value(hi)),
    }
}
