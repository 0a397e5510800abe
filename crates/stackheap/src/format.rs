//! `println!`-style format strings: parsing templates into pieces, and writing integers,
//! bools and Vecs the way Rust's `Display` and `Debug` do, with fill, alignment, sign, `#`,
//! zero padding, width and the `x X b o` radixes.

use crate::settings::PtrWidth;
use crate::types::{StructKind, Ty};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Radix {
    Decimal,
    LowerHex,
    UpperHex,
    Binary,
    Octal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    pub fill: char,
    pub align: Option<Align>,
    pub plus: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub debug: bool,
    pub radix: Radix,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            fill: ' ',
            align: None,
            plus: false,
            alternate: false,
            zero: false,
            width: 0,
            debug: false,
            radix: Radix::Decimal,
        }
    }
}

/// Which argument a placeholder takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgRef {
    /// `{}`: the next positional argument (numbered when parsed).
    Next(usize),
    /// `{2}`
    Index(usize),
    /// `{name}`: a variable captured by name.
    Name(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Arg {
        arg: ArgRef,
        spec: Spec,
        /// Byte range of the placeholder within the template text.
        at: (usize, usize),
    },
}

/// Parses a template. Errors carry a byte range within the template and a message.
pub fn parse_template(t: &str) -> Result<Vec<Piece>, ((usize, usize), String)> {
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut next = 0;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '}' {
            if chars.get(i + 1).map(|x| x.1) == Some('}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err((
                (pos, pos + 1),
                "invalid format string: unmatched `}` found".into(),
            ));
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1).map(|x| x.1) == Some('{') {
            lit.push('{');
            i += 2;
            continue;
        }
        let close = chars[i..].iter().position(|x| x.1 == '}').map(|p| p + i);
        let Some(close) = close else {
            return Err((
                (pos, t.len()),
                "invalid format string: expected `}` but string was terminated".into(),
            ));
        };
        let inner: String = chars[i + 1..close].iter().map(|x| x.1).collect();
        let end = chars[close].0 + 1;
        if !lit.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut lit)));
        }
        let (arg_text, spec_text) = match inner.split_once(':') {
            Some((a, s)) => (a.trim(), Some(s)),
            None => (inner.trim(), None),
        };
        let arg = if arg_text.is_empty() {
            next += 1;
            ArgRef::Next(next - 1)
        } else if let Ok(n) = arg_text.parse::<usize>() {
            ArgRef::Index(n)
        } else if arg_text.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !arg_text.starts_with(|c: char| c.is_ascii_digit())
        {
            ArgRef::Name(arg_text.to_string())
        } else {
            return Err((
                (pos, end),
                format!("invalid format string: `{arg_text}` is not an argument name or position"),
            ));
        };
        let spec = match spec_text {
            None => Spec::default(),
            Some(s) => parse_spec(s).map_err(|m| ((pos, end), m))?,
        };
        pieces.push(Piece::Arg {
            arg,
            spec,
            at: (pos, end),
        });
        i = close + 1;
    }
    if !lit.is_empty() {
        pieces.push(Piece::Literal(lit));
    }
    Ok(pieces)
}

fn parse_spec(s: &str) -> Result<Spec, String> {
    let mut spec = Spec::default();
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let align_of = |ch: char| match ch {
        '<' => Some(Align::Left),
        '^' => Some(Align::Center),
        '>' => Some(Align::Right),
        _ => None,
    };
    if c.len() >= 2 && align_of(c[1]).is_some() {
        spec.fill = c[0];
        spec.align = align_of(c[1]);
        i = 2;
    } else if !c.is_empty() && align_of(c[0]).is_some() {
        spec.align = align_of(c[0]);
        i = 1;
    }
    if c.get(i) == Some(&'+') {
        spec.plus = true;
        i += 1;
    } else if c.get(i) == Some(&'-') {
        i += 1;
    }
    if c.get(i) == Some(&'#') {
        spec.alternate = true;
        i += 1;
    }
    if c.get(i) == Some(&'0') {
        spec.zero = true;
        i += 1;
    }
    let wstart = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > wstart {
        let w: String = c[wstart..i].iter().collect();
        spec.width = w
            .parse()
            .map_err(|_| "invalid format string: width is too large".to_string())?;
        if spec.width > 1 << 16 {
            return Err("invalid format string: width is too large".into());
        }
    }
    if c.get(i) == Some(&'$') {
        return Err("width taken from an argument (`$`) is not supported yet".into());
    }
    if c.get(i) == Some(&'.') {
        return Err("precision (`.N`) is not supported yet for integers".into());
    }
    let ty: String = c[i..].iter().collect();
    match ty.as_str() {
        "" => {}
        "?" => spec.debug = true,
        "x" => spec.radix = Radix::LowerHex,
        "X" => spec.radix = Radix::UpperHex,
        "b" => spec.radix = Radix::Binary,
        "o" => spec.radix = Radix::Octal,
        "x?" => {
            spec.debug = true;
            spec.radix = Radix::LowerHex
        }
        "X?" => {
            spec.debug = true;
            spec.radix = Radix::UpperHex
        }
        "e" | "E" => return Err("exponent formatting (`e`) is not supported yet".into()),
        other => {
            return Err(format!(
                "invalid format string: unknown format trait `{other}`"
            ))
        }
    }
    Ok(spec)
}

/// Pads `body` (already holding any sign and prefix, which start at `sign_len`) to the width.
fn pad(out: &mut String, body: &str, sign_len: usize, spec: &Spec, default_align: Align) {
    let len = body.chars().count();
    if spec.width <= len {
        out.push_str(body);
        return;
    }
    let gap = spec.width - len;
    if spec.zero {
        out.push_str(&body[..sign_len]);
        out.extend(std::iter::repeat_n('0', gap));
        out.push_str(&body[sign_len..]);
        return;
    }
    let (before, after) = match spec.align.unwrap_or(default_align) {
        Align::Left => (0, gap),
        Align::Right => (gap, 0),
        Align::Center => (gap / 2, gap - gap / 2),
    };
    out.extend(std::iter::repeat_n(spec.fill, before));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, after));
}

/// Writes an integer. `value` is its mathematical value; `bits` is its type's width (for the
/// two's-complement digits of negative numbers in hex, binary and octal).
pub fn write_int(out: &mut String, value: i128, bits: u32, spec: &Spec) {
    let mut body = String::new();
    let digits = match spec.radix {
        Radix::Decimal => {
            if value < 0 {
                body.push('-');
            } else if spec.plus {
                body.push('+');
            }
            value.unsigned_abs().to_string()
        }
        radix => {
            let mask = if bits >= 128 {
                u128::MAX
            } else {
                (1u128 << bits) - 1
            };
            let raw = (value as u128) & mask;
            if spec.plus {
                body.push('+');
            }
            let (prefix, s) = match radix {
                Radix::LowerHex => ("0x", format!("{raw:x}")),
                Radix::UpperHex => ("0x", format!("{raw:X}")),
                Radix::Binary => ("0b", format!("{raw:b}")),
                _ => ("0o", format!("{raw:o}")),
            };
            if spec.alternate {
                body.push_str(prefix);
            }
            s
        }
    };
    let sign_len = body.len();
    body.push_str(&digits);
    pad(out, &body, sign_len, spec, Align::Right);
}

pub fn write_bool(out: &mut String, value: bool, spec: &Spec) {
    let s = if value { "true" } else { "false" };
    let plain = Spec {
        zero: false,
        ..spec.clone()
    };
    pad(out, s, 0, &plain, Align::Left);
}

/// Writes a Vec's elements as `Debug` does: `[1, 2, 3]`, or one per line under `{:#?}`.
/// Each element is written by `element` with the same spec, as Rust passes it on.
pub fn write_list(
    out: &mut String,
    len: usize,
    spec: &Spec,
    mut element: impl FnMut(&mut String, usize),
) {
    if spec.alternate && spec.debug {
        if len == 0 {
            out.push_str("[]");
            return;
        }
        out.push_str("[\n");
        for i in 0..len {
            let mut item = String::new();
            element(&mut item, i);
            out.push_str("    ");
            out.push_str(&indent(&item));
            out.push_str(",\n");
        }
        out.push(']');
        return;
    }
    out.push('[');
    for i in 0..len {
        if i > 0 {
            out.push_str(", ");
        }
        element(out, i);
    }
    out.push(']');
}

/// Reads a field's value: a scalar's bits, or a memory value's address.
pub type ReadField<'a> = dyn Fn(u64, &Ty) -> u64 + 'a;
/// Writes one value (of any type) with a spec.
pub type WriteValue<'a> = dyn Fn(&mut String, u64, &Ty, &Spec) + 'a;

/// Indents every line after the first by four spaces, as `{:#?}` nests values.
fn indent(s: &str) -> String {
    s.replace('\n', "\n    ")
}

/// Writes a struct, tuple or array at `addr` the way `#[derive(Debug)]` and the standard
/// library do: `Point { x: 1, y: 2 }`, `Pair(1, 2)`, `(1, 2)`, `(1,)`, `[1, 2]`, `Unit`, and
/// under `{:#?}` one field per line with four-space indents and trailing commas. Each field
/// is read with `read` and written with `write`, with the same spec (as Rust passes it on).
pub fn write_debug(
    out: &mut String,
    addr: u64,
    ty: &Ty,
    ptr: PtrWidth,
    spec: &Spec,
    read: &ReadField<'_>,
    write: &WriteValue<'_>,
) {
    let pretty = spec.alternate;
    let field = |t: &Ty, off: u64| {
        let mut s = String::new();
        write(&mut s, read(addr + off, t), t, spec);
        s
    };
    let (name, named) = match ty {
        Ty::Struct(d) => match d.kind {
            StructKind::Unit => {
                out.push_str(&d.name);
                return;
            }
            StructKind::Named => (Some(d.name.as_str()), true),
            StructKind::Tuple => (Some(d.name.as_str()), false),
        },
        Ty::Tuple(_) => (None, false),
        Ty::Array(e, n) => {
            let size = e.size(ptr) as u64;
            let items: Vec<String> = (0..*n).map(|k| field(e, k * size)).collect();
            if items.is_empty() {
                out.push_str("[]");
            } else if pretty {
                out.push_str("[\n");
                for it in items {
                    out.push_str("    ");
                    out.push_str(&indent(&it));
                    out.push_str(",\n");
                }
                out.push(']');
            } else {
                out.push('[');
                out.push_str(&items.join(", "));
                out.push(']');
            }
            return;
        }
        _ => return,
    };
    let fields = ty.fields(ptr);
    if fields.is_empty() {
        out.push_str(name.unwrap_or("()"));
        return;
    }
    let items: Vec<(String, String)> = fields
        .iter()
        .map(|(n, t, off)| (n.clone(), field(t, *off as u64)))
        .collect();
    if named {
        let name = name.unwrap_or_default();
        if pretty {
            out.push_str(name);
            out.push_str(" {\n");
            for (n, v) in items {
                out.push_str(&format!("    {n}: {},\n", indent(&v)));
            }
            out.push('}');
        } else {
            let parts: Vec<String> = items.iter().map(|(n, v)| format!("{n}: {v}")).collect();
            out.push_str(&format!("{name} {{ {} }}", parts.join(", ")));
        }
        return;
    }
    out.push_str(name.unwrap_or(""));
    if pretty {
        out.push_str("(\n");
        for (_, v) in items {
            out.push_str(&format!("    {},\n", indent(&v)));
        }
        out.push(')');
    } else {
        let parts: Vec<&str> = items.iter().map(|(_, v)| v.as_str()).collect();
        out.push('(');
        out.push_str(&parts.join(", "));
        if parts.len() == 1 && name.is_none() {
            out.push(',');
        }
        out.push(')');
    }
}

/// Writes text as `{}` (padded to the width, left-aligned by default) or `{:?}` (quoted
/// and escaped as Rust's `Debug` for `str` and `char`: no padding) writes it.
pub fn write_text(out: &mut String, text: &str, quote: Option<char>, spec: &Spec) {
    let Some(q) = quote.filter(|_| spec.debug) else {
        if spec.debug {
            out.push_str(text);
        } else {
            let mut body = String::new();
            body.push_str(text);
            let plain = Spec {
                zero: false,
                ..spec.clone()
            };
            pad(out, &body, 0, &plain, Align::Left);
        }
        return;
    };
    // The standard library's own escaping (which characters are printable comes from
    // Unicode's tables).
    match (q, text.chars().next()) {
        ('\'', Some(c)) => {
            let _ = write!(out, "{c:?}");
        }
        _ => {
            let _ = write!(out, "{text:?}");
        }
    }
}

/// A one-field variant as `#[derive(Debug)]` writes it: `Some(5)`, or with `{:#?}` the
/// field on its own indented line.
pub fn write_variant(out: &mut String, name: &str, field: &str, pretty: bool) {
    out.push_str(name);
    if pretty {
        out.push_str("(\n    ");
        out.push_str(&indent(field));
        out.push_str(",\n)");
    } else {
        out.push('(');
        out.push_str(field);
        out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i128, bits: u32, spec: &str) -> String {
        let pieces = parse_template(&format!("{{:{spec}}}")).unwrap();
        let Piece::Arg { spec, .. } = &pieces[0] else {
            panic!("no arg")
        };
        let mut s = String::new();
        write_int(&mut s, v, bits, spec);
        s
    }

    #[test]
    fn integers_like_rust() {
        assert_eq!(int(42, 32, ""), format!("{}", 42));
        assert_eq!(int(-42, 32, ">6"), format!("{:>6}", -42));
        assert_eq!(int(-42, 32, "06"), format!("{:06}", -42));
        assert_eq!(int(42, 32, "+"), format!("{:+}", 42));
        assert_eq!(int(-1, 8, "x"), format!("{:x}", -1i8));
        assert_eq!(int(255, 32, "#010b"), format!("{:#010b}", 255));
        assert_eq!(int(255, 32, "#X"), format!("{:#X}", 255));
        assert_eq!(int(7, 32, "*^7"), format!("{:*^7}", 7));
        assert_eq!(int(7, 32, "<4"), format!("{:<4}", 7));
        assert_eq!(int(8, 32, "o"), format!("{:o}", 8));
    }

    #[test]
    fn templates() {
        let p = parse_template("a {} {{b}} {x:?} {0}").unwrap();
        assert_eq!(p.len(), 6);
        assert_eq!(p[2], Piece::Literal(" {b} ".into()));
        assert!(
            matches!(&p[3], Piece::Arg { arg: ArgRef::Name(n), spec, .. } if n == "x" && spec.debug)
        );
        assert!(matches!(
            &p[5],
            Piece::Arg {
                arg: ArgRef::Index(0),
                ..
            }
        ));
        assert!(parse_template("{").is_err());
        assert!(parse_template("}").is_err());
        assert!(parse_template("{:q}").is_err());
    }
}
