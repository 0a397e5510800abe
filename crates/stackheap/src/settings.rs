//! Run settings (stack and heap size, pointer width, allocator policy, step limit, memory
//! mode, checks, deny-leaks) and the `// stackheap:` comment that sets them from inside a
//! program.
//!
//! Syntax: any comment line before the first line of code that starts with `// stackheap:`,
//! followed by `key=value` pairs separated by spaces or commas, for example
//! `// stackheap: ptr-width=32 allocator=best-fit stack-size=4096`. rustc ignores it like
//! any comment. Keys are the CLI's flag names without the dashes in front; the memory mode
//! is `mode=rust|manual`, checks `checks=checked|unchecked`, and `deny-leaks=true|false`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PtrWidth {
    #[serde(rename = "32")]
    W32,
    #[serde(rename = "64")]
    W64,
}

impl PtrWidth {
    /// Size in bytes of `usize`, `isize` and pointers.
    pub fn bytes(self) -> u32 {
        match self {
            PtrWidth::W32 => 4,
            PtrWidth::W64 => 8,
        }
    }
}

impl FromStr for PtrWidth {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "32" => Ok(PtrWidth::W32),
            "64" => Ok(PtrWidth::W64),
            _ => Err(format!("pointer width must be 32 or 64, not `{s}`")),
        }
    }
}

impl fmt::Display for PtrWidth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.bytes() * 8)
    }
}

/// How the allocator picks a free range for a new block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AllocatorPolicy {
    /// The lowest-addressed free range that fits.
    FirstFit,
    /// The smallest free range that fits (lowest address on ties).
    BestFit,
    /// The first range that fits, searching on from where the last allocation ended.
    NextFit,
    /// Always after the highest block ever allocated; freed bytes are never reused.
    Bump,
}

impl AllocatorPolicy {
    pub fn name(self) -> &'static str {
        match self {
            AllocatorPolicy::FirstFit => "first-fit",
            AllocatorPolicy::BestFit => "best-fit",
            AllocatorPolicy::NextFit => "next-fit",
            AllocatorPolicy::Bump => "bump",
        }
    }
}

impl FromStr for AllocatorPolicy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "first-fit" => Ok(AllocatorPolicy::FirstFit),
            "best-fit" => Ok(AllocatorPolicy::BestFit),
            "next-fit" => Ok(AllocatorPolicy::NextFit),
            "bump" => Ok(AllocatorPolicy::Bump),
            _ => Err(format!(
                "unknown allocator `{s}`: expected first-fit, best-fit, next-fit or bump"
            )),
        }
    }
}

impl fmt::Display for AllocatorPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who frees heap memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemoryMode {
    /// Rust: owners free their memory when they go out of scope.
    Rust,
    /// The program calls `alloc` and `dealloc` itself; nothing is freed automatically.
    Manual,
}

impl FromStr for MemoryMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "rust" => Ok(MemoryMode::Rust),
            "manual" => Ok(MemoryMode::Manual),
            _ => Err(format!("unknown mode `{s}`: expected rust or manual")),
        }
    }
}

/// Whether manual-mode memory errors stop the run with a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Checks {
    /// The first bad access or free stops the run with a report.
    Checked,
    /// The program does what the bytes say.
    Unchecked,
}

impl FromStr for Checks {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "checked" => Ok(Checks::Checked),
            "unchecked" => Ok(Checks::Unchecked),
            _ => Err(format!(
                "unknown checks `{s}`: expected checked or unchecked"
            )),
        }
    }
}

fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "true" | "yes" | "on" => Ok(true),
        "false" | "no" | "off" => Ok(false),
        _ => Err(format!("`{s}` is not true or false")),
    }
}

/// Largest stack or heap the engine accepts, in bytes.
pub const MAX_MEMORY_SIZE: u32 = 1 << 28;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Size of `stack_bytes`.
    pub stack_size: u32,
    /// Size of `heap_bytes`.
    pub heap_size: u32,
    pub ptr_width: PtrWidth,
    pub allocator: AllocatorPolicy,
    /// The run stops with an error after this many steps.
    pub max_steps: u64,
    pub mode: MemoryMode,
    pub checks: Checks,
    /// Leaks at the end of a manual-mode run are errors, not warnings.
    pub deny_leaks: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            stack_size: 256 * 1024,
            heap_size: 1024 * 1024,
            ptr_width: PtrWidth::W64,
            allocator: AllocatorPolicy::FirstFit,
            max_steps: 1_000_000,
            mode: MemoryMode::Rust,
            checks: Checks::Checked,
            deny_leaks: false,
        }
    }
}

/// Settings given in one place (the program's comment or the CLI); unset fields keep the
/// value from the layer below.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsOverrides {
    pub stack_size: Option<u32>,
    pub heap_size: Option<u32>,
    pub ptr_width: Option<PtrWidth>,
    pub allocator: Option<AllocatorPolicy>,
    pub max_steps: Option<u64>,
    pub mode: Option<MemoryMode>,
    pub checks: Option<Checks>,
    pub deny_leaks: Option<bool>,
}

impl Settings {
    pub fn apply(&mut self, o: &SettingsOverrides) {
        if let Some(v) = o.stack_size {
            self.stack_size = v;
        }
        if let Some(v) = o.heap_size {
            self.heap_size = v;
        }
        if let Some(v) = o.ptr_width {
            self.ptr_width = v;
        }
        if let Some(v) = o.allocator {
            self.allocator = v;
        }
        if let Some(v) = o.max_steps {
            self.max_steps = v;
        }
        if let Some(v) = o.mode {
            self.mode = v;
        }
        if let Some(v) = o.checks {
            self.checks = v;
        }
        if let Some(v) = o.deny_leaks {
            self.deny_leaks = v;
        }
    }
}

/// Parses a memory size such as `4096`, `64k`, `64KiB` or `1M`.
pub fn parse_size(s: &str) -> Result<u32, String> {
    let lower = s.trim().to_ascii_lowercase();
    let (digits, mult) = if let Some(d) = lower
        .strip_suffix("kib")
        .or_else(|| lower.strip_suffix("kb"))
        .or_else(|| lower.strip_suffix('k'))
    {
        (d, 1024u64)
    } else if let Some(d) = lower
        .strip_suffix("mib")
        .or_else(|| lower.strip_suffix("mb"))
        .or_else(|| lower.strip_suffix('m'))
    {
        (d, 1024 * 1024)
    } else {
        (lower.as_str(), 1)
    };
    let n: u64 = digits
        .trim()
        .replace('_', "")
        .parse()
        .map_err(|_| format!("`{s}` is not a size: write bytes like 4096, 64k or 1M"))?;
    let total = n.saturating_mul(mult);
    if total == 0 || total > MAX_MEMORY_SIZE as u64 {
        return Err(format!(
            "size `{s}` must be between 1 byte and {} MiB",
            MAX_MEMORY_SIZE >> 20
        ));
    }
    Ok(total as u32)
}

/// Parses a step limit such as `1000000` or `1_000_000`.
pub fn parse_steps(s: &str) -> Result<u64, String> {
    match s.trim().replace('_', "").parse::<u64>() {
        Ok(0) | Err(_) => Err(format!(
            "`{s}` is not a step count: write a positive number"
        )),
        Ok(n) => Ok(n),
    }
}

impl SettingsOverrides {
    /// Sets one `key=value` pair; keys are the CLI flag names without dashes.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "stack-size" => self.stack_size = Some(parse_size(value)?),
            "heap-size" => self.heap_size = Some(parse_size(value)?),
            "ptr-width" => self.ptr_width = Some(value.parse()?),
            "allocator" => self.allocator = Some(value.parse()?),
            "max-steps" => self.max_steps = Some(parse_steps(value)?),
            "mode" => self.mode = Some(value.parse()?),
            "checks" => self.checks = Some(value.parse()?),
            "deny-leaks" => self.deny_leaks = Some(parse_bool(value)?),
            _ => {
                return Err(format!(
                "unknown setting `{key}`: expected stack-size, heap-size, ptr-width, allocator, max-steps, mode, checks or deny-leaks"
            ))
            }
        }
        Ok(())
    }

    /// Reads the `// stackheap:` lines at the top of a program.
    pub fn from_source(source: &str) -> (SettingsOverrides, Vec<Diagnostic>) {
        let mut out = SettingsOverrides::default();
        let mut diags = Vec::new();
        let mut offset = 0usize;
        for line in source.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let trimmed = line.trim_start();
            if trimmed.trim().is_empty() {
                continue;
            }
            if !trimmed.starts_with("//") {
                break;
            }
            let Some(rest) = trimmed.strip_prefix("//").map(str::trim_start) else {
                continue;
            };
            let Some(body) = rest.strip_prefix("stackheap:") else {
                continue;
            };
            let body_start = line_start + (line.len() - body.len());
            let mut pos = 0;
            for word in body.split(|c: char| c.is_whitespace() || c == ',') {
                let word_start = body_start + pos;
                pos += word.len() + 1;
                if word.is_empty() {
                    continue;
                }
                let span = Span::new(word_start, word_start + word.len());
                let result = match word.split_once('=') {
                    Some((k, v)) => out.set(k, v),
                    None => Err(format!(
                        "setting `{word}` needs a value: write `{word}=...`"
                    )),
                };
                if let Err(msg) = result {
                    diags.push(
                        Diagnostic::error(DiagnosticKind::Settings, span, msg)
                            .with_note("settings are written as `// stackheap: key=value ...` before the first line of code"),
                    );
                }
            }
        }
        (out, diags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_settings() {
        let src = "// a program\n// stackheap: ptr-width=32, allocator=best-fit heap-size=4k\nfn main() {}\n// stackheap: max-steps=5\n";
        let (o, d) = SettingsOverrides::from_source(src);
        assert!(d.is_empty());
        assert_eq!(o.ptr_width, Some(PtrWidth::W32));
        assert_eq!(o.allocator, Some(AllocatorPolicy::BestFit));
        assert_eq!(o.heap_size, Some(4096));
        assert_eq!(o.max_steps, None, "settings after code are ignored");
    }

    #[test]
    fn bad_setting_has_span() {
        let src = "// stackheap: ptr-width=16\n";
        let (_, d) = SettingsOverrides::from_source(src);
        assert_eq!(d.len(), 1);
        assert_eq!(
            &src[d[0].span.start as usize..d[0].span.end as usize],
            "ptr-width=16"
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64k"), Ok(65536));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
    }
}
