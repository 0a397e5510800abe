//! Turns program text into tokens, reporting characters and literals it cannot read.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Ident(String),
    /// An integer literal: its value (saturated when too large for u128) and suffix.
    Int {
        value: u128,
        suffix: Option<String>,
        too_large: bool,
    },
    Float,
    Str(String),
    Char(char),
    /// A byte literal `b'a'`.
    Byte(u8),
    /// A byte string literal `b"abc"`.
    ByteStr(Vec<u8>),
    /// A lifetime such as `'a` (its name, with the quote) or a loop label.
    Lifetime(String),
    /// Punctuation, longest match first (`<<=`, `..=`, `->`, `::`, ...).
    Punct(&'static str),
    Eof,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

const PUNCTS: [&str; 50] = [
    "<<=", ">>=", "...", "..=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "..", "+", "-", "*", "/", "%", "^", "!", "&",
    "|", "=", "<", ">", "@", ".", ",", ";", ":", "#", "$", "?", "{", "}", "[", "]", "(", ")",
];

pub fn lex(src: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut diags = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            if depth != 0 {
                diags.push(Diagnostic::error(
                    DiagnosticKind::Syntax,
                    Span::new(start, start + 2),
                    "unterminated block comment",
                ));
            }
            continue;
        }
        if c == b'b' && matches!(bytes.get(i + 1), Some(b'\'' | b'"')) {
            // `b'a'` or `b"abc"`: bytes, with the escapes of byte literals.
            let quote = bytes[i + 1];
            let before = diags.len();
            let (body, next) = lex_bytes(src, i + 2, quote, &mut diags);
            let end = next.min(bytes.len());
            let kind = if quote == b'"' {
                if next > bytes.len() {
                    diags.push(Diagnostic::error(
                        DiagnosticKind::Syntax,
                        Span::new(start, start + 2),
                        "unterminated double quote byte string",
                    ));
                }
                TokenKind::ByteStr(body)
            } else {
                let reported = diags.len() > before;
                if (next > bytes.len() || body.len() != 1) && !reported {
                    diags.push(Diagnostic::error(
                        DiagnosticKind::Syntax,
                        Span::new(start, end),
                        "a byte literal holds exactly one byte",
                    ));
                }
                TokenKind::Byte(body.first().copied().unwrap_or(0))
            };
            tokens.push(Token {
                kind,
                span: Span::new(start, end),
            });
            i = end;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            if c >= 0x80 {
                let ch = src[i..].chars().next().unwrap_or('\u{fffd}');
                if !ch.is_alphabetic() {
                    let len = ch.len_utf8();
                    diags.push(Diagnostic::error(
                        DiagnosticKind::Syntax,
                        Span::new(i, i + len),
                        format!("unknown start of token: {}", ch.escape_unicode()),
                    ));
                    i += len;
                    continue;
                }
            }
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
            {
                if bytes[i] >= 0x80 {
                    let ch = src[i..].chars().next().unwrap_or(' ');
                    if !ch.is_alphanumeric() {
                        break;
                    }
                    i += ch.len_utf8();
                } else {
                    i += 1;
                }
            }
            // raw identifiers are not needed; `r#` falls through as ident `r` then `#`.
            tokens.push(Token {
                kind: TokenKind::Ident(src[start..i].to_string()),
                span: Span::new(start, i),
            });
            continue;
        }
        if c.is_ascii_digit() {
            let (tok, next) = lex_number(src, i, &mut diags);
            tokens.push(Token {
                kind: tok,
                span: Span::new(start, next),
            });
            i = next;
            continue;
        }
        if c == b'"' {
            let (s, next) = lex_string(src, i + 1, b'"', &mut diags);
            if next > bytes.len() {
                diags.push(Diagnostic::error(
                    DiagnosticKind::Syntax,
                    Span::new(start, start + 1),
                    "unterminated double quote string",
                ));
                i = bytes.len();
                tokens.push(Token {
                    kind: TokenKind::Str(s),
                    span: Span::new(start, i),
                });
                continue;
            }
            tokens.push(Token {
                kind: TokenKind::Str(s),
                span: Span::new(start, next),
            });
            i = next;
            continue;
        }
        if c == b'\'' {
            // A char literal `'a'`, `'\n'`, or a lifetime `'a`.
            let rest = &src[i + 1..];
            let mut chars = rest.chars();
            let first = chars.next();
            let second = chars.next();
            let is_lifetime = matches!(first, Some(ch) if ch.is_alphabetic() || ch == '_')
                && second != Some('\'');
            if is_lifetime {
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push(Token {
                    kind: TokenKind::Lifetime(src[start..i].to_string()),
                    span: Span::new(start, i),
                });
                continue;
            }
            let (s, next) = lex_string(src, i + 1, b'\'', &mut diags);
            let ch = s.chars().next().unwrap_or('\0');
            if next > bytes.len() || s.chars().count() != 1 {
                diags.push(Diagnostic::error(
                    DiagnosticKind::Syntax,
                    Span::new(start, next.min(bytes.len())),
                    "a character literal holds exactly one character",
                ));
            }
            i = next.min(bytes.len());
            tokens.push(Token {
                kind: TokenKind::Char(ch),
                span: Span::new(start, i),
            });
            continue;
        }
        if let Some(p) = PUNCTS.iter().find(|p| src[i..].starts_with(**p)) {
            i += p.len();
            tokens.push(Token {
                kind: TokenKind::Punct(p),
                span: Span::new(start, i),
            });
            continue;
        }
        let ch = src[i..].chars().next().unwrap_or('?');
        let len = ch.len_utf8().max(1);
        diags.push(Diagnostic::error(
            DiagnosticKind::Syntax,
            Span::new(i, i + len),
            format!("unknown start of token: {}", ch.escape_default()),
        ));
        i += len;
    }
    tokens.push(Token {
        kind: TokenKind::Eof,
        span: Span::new(src.len(), src.len()),
    });
    (tokens, diags)
}

fn lex_number(src: &str, start: usize, diags: &mut Vec<Diagnostic>) -> (TokenKind, usize) {
    let bytes = src.as_bytes();
    let mut i = start;
    let mut radix = 10;
    if bytes[i] == b'0' && i + 1 < bytes.len() {
        match bytes[i + 1] {
            b'x' => radix = 16,
            b'b' => radix = 2,
            b'o' => radix = 8,
            _ => {}
        }
        if radix != 10 {
            i += 2;
        }
    }
    let digits_start = i;
    let mut value: u128 = 0;
    let mut too_large = false;
    let mut bad_digit = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'_' {
            i += 1;
            continue;
        }
        let d = match b {
            b'0'..=b'9' => (b - b'0') as u32,
            b'a'..=b'f' if radix == 16 => (b - b'a' + 10) as u32,
            b'A'..=b'F' if radix == 16 => (b - b'A' + 10) as u32,
            _ => break,
        };
        if d >= radix {
            bad_digit.get_or_insert(i);
        }
        match value
            .checked_mul(radix as u128)
            .and_then(|v| v.checked_add(d as u128))
        {
            Some(v) => value = v,
            None => too_large = true,
        }
        i += 1;
    }
    if let Some(at) = bad_digit {
        diags.push(Diagnostic::error(
            DiagnosticKind::Syntax,
            Span::new(at, at + 1),
            format!("invalid digit for a base {radix} literal"),
        ));
    }
    if i == digits_start {
        diags.push(Diagnostic::error(
            DiagnosticKind::Syntax,
            Span::new(start, i),
            "no valid digits found for number",
        ));
    }
    // A float: `1.5` or `1e3` (but not `1..2` or `1.foo()`).
    if radix == 10 && i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i += 1;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        return (TokenKind::Float, i);
    }
    let suffix_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    let suffix = (i > suffix_start).then(|| src[suffix_start..i].to_string());
    if let Some(s) = &suffix {
        if s == "f32" || s == "f64" {
            return (TokenKind::Float, i);
        }
    }
    (
        TokenKind::Int {
            value,
            suffix,
            too_large,
        },
        i,
    )
}

/// Reads a byte or byte string literal's body from `i` (just past the opening quote) to the
/// closing `quote`: ASCII characters, and the escapes `\n \t \r \0 \\ \' \"` and `\xHH`
/// (any byte). Returns the bytes and the offset past the closing quote (past the end if
/// none).
fn lex_bytes(src: &str, mut i: usize, quote: u8, diags: &mut Vec<Diagnostic>) -> (Vec<u8>, usize) {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let what = if quote == b'"' {
        "byte string literal"
    } else {
        "byte literal"
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == quote {
            return (out, i + 1);
        }
        if b == b'\\' {
            let esc_start = i;
            i += 1;
            let plain = match bytes.get(i) {
                Some(b'n') => Some(b'\n'),
                Some(b't') => Some(b'\t'),
                Some(b'r') => Some(b'\r'),
                Some(b'0') => Some(0),
                Some(b'\\') => Some(b'\\'),
                Some(b'\'') => Some(b'\''),
                Some(b'"') => Some(b'"'),
                _ => None,
            };
            if let Some(v) = plain {
                out.push(v);
                i += 1;
                continue;
            }
            match bytes.get(i) {
                Some(b'\n') if quote == b'"' => {
                    // Line continuation: skip the newline and leading whitespace.
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
                Some(b'x') => match src
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        diags.push(Diagnostic::error(
                            DiagnosticKind::Syntax,
                            Span::new(esc_start, (i + 3).min(bytes.len())),
                            "invalid character in numeric character escape",
                        ));
                        i += 1;
                    }
                },
                Some(b'u') => {
                    diags.push(Diagnostic::error(
                        DiagnosticKind::Syntax,
                        Span::new(esc_start, (i + 1).min(bytes.len())),
                        format!("unicode escape in {what}"),
                    ));
                    i += 1;
                }
                _ => {
                    let ch = src[i..].chars().next().unwrap_or('\\');
                    let len = ch.len_utf8();
                    diags.push(Diagnostic::error(
                        DiagnosticKind::Syntax,
                        Span::new(i, (i + len).min(bytes.len())),
                        format!("unknown byte escape: `{}`", ch.escape_default()),
                    ));
                    i += len;
                }
            }
            continue;
        }
        if b >= 0x80 {
            let ch = src[i..].chars().next().unwrap_or('\u{fffd}');
            let len = ch.len_utf8().max(1);
            diags.push(Diagnostic::error(
                DiagnosticKind::Syntax,
                Span::new(i, i + len),
                format!("non-ASCII character in {what}"),
            ));
            i += len;
            continue;
        }
        out.push(b);
        i += 1;
    }
    (out, bytes.len() + 1)
}

/// Reads a quoted literal's body from `i` (just past the opening quote) to the closing
/// `quote`; returns its text and the offset past the closing quote (past the end if none).
fn lex_string(src: &str, mut i: usize, quote: u8, diags: &mut Vec<Diagnostic>) -> (String, usize) {
    let bytes = src.as_bytes();
    let mut out = String::new();
    while i < bytes.len() {
        let b = bytes[i];
        if b == quote {
            return (out, i + 1);
        }
        if b == b'\\' {
            let esc_start = i;
            i += 1;
            match bytes.get(i) {
                Some(b'n') => out.push('\n'),
                Some(b't') => out.push('\t'),
                Some(b'r') => out.push('\r'),
                Some(b'0') => out.push('\0'),
                Some(b'\\') => out.push('\\'),
                Some(b'\'') => out.push('\''),
                Some(b'"') => out.push('"'),
                Some(b'\n') => {
                    // Line continuation: skip the newline and leading whitespace.
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    continue;
                }
                Some(b'u') if bytes.get(i + 1) == Some(&b'{') => {
                    let close = src[i..].find('}').map(|p| p + i);
                    let ch = close
                        .and_then(|c| u32::from_str_radix(&src[i + 2..c].replace('_', ""), 16).ok())
                        .and_then(char::from_u32);
                    match (ch, close) {
                        (Some(ch), Some(c)) => {
                            out.push(ch);
                            i = c + 1;
                            continue;
                        }
                        _ => diags.push(Diagnostic::error(
                            DiagnosticKind::Syntax,
                            Span::new(esc_start, i + 1),
                            "invalid unicode character escape",
                        )),
                    }
                }
                Some(b'x') => {
                    let hex = src
                        .get(i + 1..i + 3)
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    match hex {
                        Some(v) if v < 0x80 => {
                            out.push(v as char);
                            i += 3;
                            continue;
                        }
                        _ => diags.push(Diagnostic::error(
                            DiagnosticKind::Syntax,
                            Span::new(esc_start, (i + 3).min(bytes.len())),
                            "invalid character escape: `\\x` takes two hex digits up to 7f",
                        )),
                    }
                }
                _ => {
                    let ch = src.get(i..).and_then(|r| r.chars().next()).unwrap_or('\\');
                    diags.push(Diagnostic::error(
                        DiagnosticKind::Syntax,
                        Span::new(i, (i + ch.len_utf8()).min(bytes.len())),
                        format!("unknown character escape: `{}`", ch.escape_default()),
                    ))
                }
            }
            // Past the escaped character (which may take more than one byte).
            i += src
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        }
        let ch = src[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    (out, bytes.len() + 1)
}
