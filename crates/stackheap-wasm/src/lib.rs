//! The playground page's WebAssembly facade over the stackheap engine: run a program with
//! settings from JavaScript, then read its diagnostics, steps and the state of memory at any
//! step. Small metadata crosses as plain objects through serde-wasm-bindgen; the byte arrays
//! cross as `Uint8Array` copies, never one value per byte. The time a run takes is measured
//! here with the page's clock (`performance.now()` through web-sys).

use serde::Serialize;
use stackheap::{
    BlockView, Diagnostic, DiagnosticKind, Event, FrameView, Label, LineIndex, MemoryReport,
    MemoryState, Outcome, Region, Run, Settings, SettingsOverrides, Severity, Span, StepKind,
};
use wasm_bindgen::prelude::*;

/// The module's memory allocator: a TLSF allocator, much smaller in code than the standard
/// library's dlmalloc port, with constant-time allocation and freeing. Its default options
/// (in-place reallocation, pools merged as memory grows) suit the large byte arrays and
/// snapshots of a run; the code-size-minded `SmallGlobalTlsf` saved only 0.3 KB gzipped.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

/// Installs the panic hook so that a Rust panic shows up in the browser console with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The engine's default settings: `{stack_size, heap_size, ptr_width, allocator, max_steps,
/// mode, checks, deny_leaks}`.
#[wasm_bindgen(js_name = defaultSettings)]
pub fn default_settings() -> Result<JsValue, JsError> {
    to_js(&Settings::default())
}

/// Reads settings overrides from a JavaScript object (`undefined` and `null` are none), key
/// by key with `Reflect`: the few fields need no deserialiser, which would weigh several
/// kilobytes in the module. Unknown keys are ignored and `null` leaves a setting unset, as
/// a serde `Deserialize` would; a value of the wrong kind is an error naming its key.
fn read_overrides(js: &JsValue) -> Result<SettingsOverrides, String> {
    if js.is_undefined() || js.is_null() {
        return Ok(SettingsOverrides::default());
    }
    if !js.is_object() {
        return Err("the settings are not an object".to_string());
    }
    Ok(SettingsOverrides {
        stack_size: setting(js, "stack_size", |v| {
            whole(v, u32::MAX as f64).map(|n| n as u32)
        })?,
        heap_size: setting(js, "heap_size", |v| {
            whole(v, u32::MAX as f64).map(|n| n as u32)
        })?,
        ptr_width: setting(js, "ptr_width", parsed)?,
        allocator: setting(js, "allocator", parsed)?,
        max_steps: setting(js, "max_steps", |v| {
            whole(v, 2f64.powi(53)).map(|n| n as u64)
        })?,
        mode: setting(js, "mode", parsed)?,
        checks: setting(js, "checks", parsed)?,
        deny_leaks: setting(js, "deny_leaks", |v| {
            v.as_bool().ok_or_else(|| "not a boolean".to_string())
        })?,
    })
}

/// The setting `key` of `obj` read with `read`, or `None` when it is missing or `null`.
fn setting<T>(
    obj: &JsValue,
    key: &str,
    read: impl Fn(&JsValue) -> Result<T, String>,
) -> Result<Option<T>, String> {
    let value = js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read(&value).map(Some).map_err(|e| format!("`{key}`: {e}"))
}

/// A whole number from 0 to `max`.
fn whole(value: &JsValue, max: f64) -> Result<f64, String> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=max).contains(&n) => Ok(n),
        _ => Err("not a whole number in range".to_string()),
    }
}

/// A setting written as text (`"32"`, `"first-fit"`, `"manual"`), parsed as the
/// `// stackheap:` comment parses it.
fn parsed<T: std::str::FromStr<Err = String>>(value: &JsValue) -> Result<T, String> {
    value
        .as_string()
        .ok_or_else(|| "not a string".to_string())?
        .parse()
}

/// Where a source range sits, for an editor: UTF-16 offsets (what JavaScript strings and
/// CodeMirror count) and the 1-based line and column of its start.
#[derive(Serialize, Debug, PartialEq)]
pub struct Place {
    pub from: u32,
    pub to: u32,
    pub line: u32,
    pub col: u32,
}

/// A diagnostic as the page shows it: the engine's fields plus editor positions. The fields
/// are listed here rather than flattened in with `#[serde(flatten)]`, whose map-building
/// serialiser weighs several kilobytes in the module.
#[derive(Serialize)]
pub struct PageDiagnostic<'a> {
    pub severity: Severity,
    pub kind: DiagnosticKind,
    pub code: &'a Option<String>,
    pub message: &'a str,
    pub span: Span,
    pub span_label: &'a Option<String>,
    pub labels: &'a [Label],
    pub notes: &'a [String],
    pub step: Option<u64>,
    pub memory: &'a Option<MemoryReport>,
    pub place: Place,
    pub label_places: Vec<Place>,
}

impl<'a> PageDiagnostic<'a> {
    fn new(d: &'a Diagnostic, place: Place, label_places: Vec<Place>) -> PageDiagnostic<'a> {
        PageDiagnostic {
            severity: d.severity,
            kind: d.kind,
            code: &d.code,
            message: &d.message,
            span: d.span,
            span_label: &d.span_label,
            labels: &d.labels,
            notes: &d.notes,
            step: d.step,
            memory: &d.memory,
            place,
            label_places,
        }
    }
}

/// One step as the page shows it: the engine's step plus editor positions.
#[derive(Serialize)]
struct PageStep {
    index: u64,
    kind: StepKind,
    line: u32,
    function: String,
    place: Place,
    events: Vec<Event>,
}

/// Memory at one step without the byte arrays (those come from the `*_bytes` methods).
#[derive(Serialize)]
struct StateMeta<'a> {
    step: u64,
    stack_length: u32,
    /// Bytes of `stack_bytes` worth drawing: up to `stack_length` or the last nonzero byte.
    stack_extent: u32,
    /// Bytes of `heap_bytes` worth drawing: up to the end of the highest block.
    heap_extent: u32,
    stack_size: u32,
    heap_size: u32,
    frames: &'a [FrameView],
    blocks: &'a [BlockView],
    output: &'a str,
    /// Every pointer stored in a variable or field on the stack, decoded.
    pointers: Vec<PointerView>,
    /// Every pointer stored in a field of a value a Box holds (a list node's `next`),
    /// decoded; `at` is its place in `heap_bytes`.
    heap_pointers: Vec<PointerView>,
}

/// A pointer held in stack bytes: a reference (`&T`, `&mut T`) or a `Vec`'s pointer field,
/// decoded from its bytes (a stack address has the pointer's top bit set).
#[derive(Serialize, Debug, PartialEq)]
pub struct PointerView {
    /// Where the pointer's bytes start in `stack_bytes`.
    pub at: u32,
    /// `"ref"` (also `&str` and slices, whose length follows the pointer), `"box"`, `"vec"`
    /// or `"string"` (a `String`, laid out as a `Vec<u8>`).
    pub kind: &'static str,
    /// Where it points; `None` for a `Vec` with no allocation or unwritten bytes.
    pub region: Option<Region>,
    pub target: u32,
}

/// Converts byte offsets in `source` to UTF-16 offsets.
struct Utf16Map {
    /// For each byte offset that starts a character (and the end), its UTF-16 offset.
    offsets: Vec<u32>,
}

impl Utf16Map {
    fn new(source: &str) -> Utf16Map {
        let mut offsets = vec![0; source.len() + 1];
        let mut units = 0u32;
        for (i, c) in source.char_indices() {
            for o in offsets.iter_mut().skip(i).take(c.len_utf8()) {
                *o = units;
            }
            units += c.len_utf16() as u32;
        }
        offsets[source.len()] = units;
        Utf16Map { offsets }
    }

    fn at(&self, byte: u32) -> u32 {
        let i = (byte as usize).min(self.offsets.len() - 1);
        self.offsets[i]
    }
}

#[wasm_bindgen]
extern "C" {
    /// The global `performance` object: the page's clock, in a window, a worker or node.
    #[wasm_bindgen(thread_local_v2, js_name = performance)]
    static PERFORMANCE: Option<web_sys::Performance>;
}

/// Milliseconds on the page's clock (`performance.now()`), or `None` where there is none.
fn now_millis() -> Option<f64> {
    PERFORMANCE.with(|p| p.as_ref().map(web_sys::Performance::now))
}

/// A finished run of one program, and the memory state the page is looking at.
#[wasm_bindgen]
pub struct Session {
    source: String,
    run: Run,
    /// How long `stackheap::run` took, in milliseconds (0 when not measured).
    run_millis: f64,
    utf16: Utf16Map,
    lines: LineIndex,
    state: MemoryState,
}

impl Session {
    fn place(&self, start: u32, end: u32) -> Place {
        let (line, col) = self.lines.line_col(&self.source, start);
        Place {
            from: self.utf16.at(start),
            to: self.utf16.at(end.max(start)),
            line,
            col,
        }
    }
}

#[wasm_bindgen]
impl Session {
    /// Compiles and runs `source`. `overrides` is `undefined`/`null` or an object with any of
    /// `stack_size`, `heap_size`, `ptr_width` ("32"/"64"), `allocator` ("first-fit", ...),
    /// `max_steps`, `mode` ("rust"/"manual"), `checks` ("checked"/"unchecked") and
    /// `deny_leaks` (a boolean); they win over the program's `// stackheap:` comment. A
    /// setting of the wrong kind is an error (`bad settings: ...`).
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, overrides: JsValue) -> Result<Session, JsError> {
        let overrides =
            read_overrides(&overrides).map_err(|e| JsError::new(&format!("bad settings: {e}")))?;
        let started = now_millis();
        let run = stackheap::run(source, &overrides);
        let ended = now_millis();
        let mut session = Session::from_run(source, run);
        if let (Some(a), Some(b)) = (started, ended) {
            session.run_millis = b - a;
        }
        Ok(session)
    }

    /// How long the engine took to check, compile and run the program, in milliseconds,
    /// measured with `performance.now()` (what the page shows after "Ran N steps in").
    #[wasm_bindgen(js_name = runMillis)]
    pub fn run_millis(&self) -> f64 {
        self.run_millis
    }

    /// `"finished"`, `"compile_error"` or `"runtime_error"`.
    pub fn outcome(&self) -> String {
        match self.run.outcome {
            Outcome::Finished => "finished",
            Outcome::CompileError => "compile_error",
            Outcome::RuntimeError => "runtime_error",
        }
        .to_string()
    }

    /// The settings the run used, after the program's comment and the overrides.
    pub fn settings(&self) -> Result<JsValue, JsError> {
        to_js(&self.run.settings)
    }

    /// Compile errors and warnings, then the runtime error if there was one, each with a
    /// `place` (`{from, to, line, col}`) for the editor.
    pub fn diagnostics(&self) -> Result<JsValue, JsError> {
        let list: Vec<PageDiagnostic> = self
            .run
            .diagnostics
            .iter()
            .map(|d| {
                PageDiagnostic::new(
                    d,
                    self.place(d.span.start, d.span.end),
                    d.labels
                        .iter()
                        .map(|l| self.place(l.span.start, l.span.end))
                        .collect(),
                )
            })
            .collect();
        to_js(&list)
    }

    /// Number of recorded steps; states run from 0 to this.
    #[wasm_bindgen(js_name = stepCount)]
    pub fn step_count(&self) -> u32 {
        self.run.step_count().min(u32::MAX as u64) as u32
    }

    /// Steps `from..to` (clamped) with their events and editor places.
    pub fn steps(&self, from: u32, to: u32) -> Result<JsValue, JsError> {
        let to = (to as u64).min(self.run.step_count());
        let list: Vec<PageStep> = (from as u64..to)
            .filter_map(|i| self.run.step(i))
            .map(|s| PageStep {
                place: self.place(s.span.start, s.span.end),
                index: s.index,
                kind: s.kind,
                line: s.line,
                function: s.function,
                events: s.events,
            })
            .collect();
        to_js(&list)
    }

    /// The source line of every step, in one array (for breakpoints).
    #[wasm_bindgen(js_name = stepLines)]
    pub fn step_lines(&self) -> Vec<u32> {
        self.run.steps().map(|s| s.line).collect()
    }

    /// How many frames are on the stack when each step runs (1 in `main`), in one array:
    /// what step over and step out compare.
    #[wasm_bindgen(js_name = stepDepths)]
    pub fn step_depths(&self) -> Vec<u32> {
        let mut depth = 1u32;
        let mut out = Vec::with_capacity(self.step_count() as usize);
        for step in self.run.steps() {
            out.push(depth);
            for e in &step.events {
                match e {
                    Event::Call { .. } => depth += 1,
                    Event::Return { .. } => depth = depth.saturating_sub(1).max(1),
                    _ => {}
                }
            }
        }
        out
    }

    /// Everything the program printed.
    pub fn output(&self) -> String {
        self.run.output().to_string()
    }

    /// Moves to the state after `steps` steps (clamped to the run) and returns its metadata:
    /// `{step, stack_length, stack_extent, heap_extent, stack_size, heap_size, frames,
    /// blocks, output, pointers, heap_pointers}`. The bytes of
    /// that state then come from `stackBytes()`, `heapBytes()`, `stackInit()`, `heapInit()`.
    #[wasm_bindgen(js_name = goTo)]
    pub fn go_to(&mut self, steps: u32) -> Result<JsValue, JsError> {
        let n = (steps as u64).min(self.run.step_count());
        if n != self.state.step {
            self.state = self.run.state_at(n);
        }
        self.meta()
    }

    /// Metadata of the current state (see `goTo`).
    pub fn meta(&self) -> Result<JsValue, JsError> {
        to_js(&StateMeta {
            step: self.state.step,
            stack_length: self.state.stack_length,
            stack_extent: self.stack_extent(),
            heap_extent: self.heap_extent(),
            stack_size: self.run.settings.stack_size,
            heap_size: self.run.settings.heap_size,
            frames: &self.state.frames,
            blocks: &self.state.blocks,
            output: &self.state.output,
            pointers: self.pointers(),
            heap_pointers: self.heap_pointers(),
        })
    }

    /// Bytes in live heap blocks over the run, as `[step, bytes, step, bytes, ...]`: the
    /// amount at state 0 and at every state where it changed (see `Run::heap_in_use`).
    #[wasm_bindgen(js_name = heapInUse)]
    pub fn heap_in_use(&self) -> Vec<f64> {
        self.run
            .heap_in_use()
            .into_iter()
            .flat_map(|(step, bytes)| [step as f64, bytes as f64])
            .collect()
    }

    /// A copy of `stack_bytes` at the current state, or of its first `len` bytes (the page
    /// asks for `stack_extent`, so that a step does not copy the whole array).
    #[wasm_bindgen(js_name = stackBytes)]
    pub fn stack_bytes(&self, len: Option<u32>) -> js_sys::Uint8Array {
        prefix(&self.state.stack_bytes, len)
    }

    /// A copy of `heap_bytes` at the current state, or of its first `len` bytes.
    #[wasm_bindgen(js_name = heapBytes)]
    pub fn heap_bytes(&self, len: Option<u32>) -> js_sys::Uint8Array {
        prefix(&self.state.heap_bytes, len)
    }

    /// One flag per stack byte, 1 once written since it was reserved (the first `len`).
    #[wasm_bindgen(js_name = stackInit)]
    pub fn stack_init(&self, len: Option<u32>) -> js_sys::Uint8Array {
        prefix(&self.state.stack_init, len)
    }

    /// One flag per heap byte, 1 once written since its block was allocated (the first `len`).
    #[wasm_bindgen(js_name = heapInit)]
    pub fn heap_init(&self, len: Option<u32>) -> js_sys::Uint8Array {
        prefix(&self.state.heap_init, len)
    }
}

/// A copy of `bytes`, or of its first `len` bytes.
fn prefix(bytes: &[u8], len: Option<u32>) -> js_sys::Uint8Array {
    let n = len.map_or(bytes.len(), |n| (n as usize).min(bytes.len()));
    js_sys::Uint8Array::from(&bytes[..n])
}

impl Session {
    /// One past the last stack byte worth drawing: `stack_length`, or further up when a
    /// returned frame left nonzero bytes behind.
    pub fn stack_extent(&self) -> u32 {
        let last = self
            .state
            .stack_bytes
            .iter()
            .rposition(|&b| b != 0)
            .map_or(0, |i| i as u32 + 1);
        last.max(self.state.stack_length)
    }

    /// One past the end of the highest heap block, live or freed.
    pub fn heap_extent(&self) -> u32 {
        self.state
            .blocks
            .iter()
            .map(|b| b.addr + b.size)
            .max()
            .unwrap_or(0)
    }

    /// Wraps a finished run, starting at state 0.
    pub fn from_run(source: &str, run: Run) -> Session {
        let state = run.state_at(0);
        Session {
            utf16: Utf16Map::new(source),
            lines: LineIndex::new(source),
            source: source.to_string(),
            run,
            run_millis: 0.0,
            state,
        }
    }

    /// The pointers in the current state's stack frames: references, `Box`es and the pointer
    /// fields of `Vec`s and `String`s, in variables and inside structs, tuples and arrays,
    /// and in the bytes the compiled code keeps (a `for` loop's Vec or slice).
    pub fn pointers(&self) -> Vec<PointerView> {
        let st = &self.state;
        let views = st
            .frames
            .iter()
            .flat_map(|f| f.variables.iter().chain(&f.hidden));
        let parts = views.flat_map(|v| {
            let whole = vec![(v.addr, v.ty.as_str())];
            if v.fields.is_empty() {
                whole
            } else {
                v.fields
                    .iter()
                    .map(|f| (v.addr + f.offset, f.ty.as_str()))
                    .collect()
            }
        });
        self.decode(&st.stack_bytes, &st.stack_init, st.stack_length, parts)
    }

    /// The pointers in the fields of the values that Boxes hold (the blocks whose
    /// `BlockView::fields` the engine found): a node's `next`, a String in a boxed struct.
    /// A `None` in a Box's niche (all ones) points nowhere.
    pub fn heap_pointers(&self) -> Vec<PointerView> {
        let st = &self.state;
        let parts = st.blocks.iter().flat_map(|b| {
            b.fields
                .iter()
                .map(move |f| (b.addr + f.offset, f.ty.as_str()))
        });
        let end = st.heap_bytes.len() as u32;
        let mut out = self.decode(&st.heap_bytes, &st.heap_init, end, parts);
        let pw = self.run.settings.ptr_width.bytes();
        let none = if pw == 8 { u64::MAX } else { u32::MAX as u64 };
        for p in &mut out {
            let raw = st.heap_bytes[p.at as usize..(p.at + pw) as usize]
                .iter()
                .rev()
                .fold(0u64, |v, &x| (v << 8) | x as u64);
            if p.kind != "vec" && p.kind != "string" && raw == none {
                p.region = None;
            }
        }
        out
    }

    /// Decodes the pointers among `parts` (an address and a type each) in `bytes` (whose
    /// first `len` bytes are in use, `init` flagging those written).
    fn decode<'t>(
        &self,
        bytes: &[u8],
        init: &[u8],
        len: u32,
        parts: impl Iterator<Item = (u32, &'t str)>,
    ) -> Vec<PointerView> {
        let pw = self.run.settings.ptr_width.bytes();
        let read = |at: u32| -> Option<u64> {
            let (a, b) = (at as usize, (at + pw) as usize);
            if b > len as usize || b > bytes.len() || init[a..b].contains(&0) {
                return None;
            }
            Some(
                bytes[a..b]
                    .iter()
                    .rev()
                    .fold(0u64, |v, &x| (v << 8) | x as u64),
            )
        };
        let top = 1u64 << (pw * 8 - 1);
        let mut out = Vec::new();
        {
            for (at, ty) in parts {
                if ty.starts_with('&') || ty.starts_with("Box<") {
                    let (region, target) = match read(at) {
                        Some(x) if x & top != 0 => (Some(Region::Stack), (x & !top) as u32),
                        Some(x) => (Some(Region::Heap), x as u32),
                        None => (None, 0),
                    };
                    out.push(PointerView {
                        at,
                        kind: if ty.starts_with('&') { "ref" } else { "box" },
                        region,
                        target,
                    });
                } else if ty.starts_with("Vec<") || ty == "String" {
                    let (region, target) = match (read(at), read(at + 2 * pw)) {
                        (Some(p), Some(cap)) if cap > 0 => (Some(Region::Heap), p as u32),
                        _ => (None, 0),
                    };
                    out.push(PointerView {
                        at,
                        kind: if ty == "String" { "string" } else { "vec" },
                        region,
                        target,
                    });
                }
            }
        }
        out
    }

    /// The current state's step number.
    pub fn current_step(&self) -> u64 {
        self.state.step
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackheap::lessons;

    #[test]
    fn utf16_offsets_count_code_units() {
        let src = "// é😀\nfn";
        let map = Utf16Map::new(src);
        assert_eq!(map.at(3), 3, "before é");
        assert_eq!(map.at(5), 4, "after the 2-byte é");
        assert_eq!(map.at(9), 6, "after the 4-byte emoji, two UTF-16 units");
        assert_eq!(map.at(src.len() as u32), 9);
    }

    #[test]
    fn depths_follow_calls_and_returns() {
        let lesson = lessons::get("heap_years").unwrap();
        let session = Session::from_run(
            lesson.source,
            stackheap::run(lesson.source, &SettingsOverrides::default()),
        );
        let depths = session.step_depths();
        assert_eq!(depths.len() as u32, session.step_count());
        assert_eq!(depths[0], 1, "the run starts in main");
        assert!(depths.contains(&2), "get_years runs one level down");
        assert_eq!(*depths.last().unwrap(), 1, "the run ends in main");
    }

    #[test]
    fn pointers_are_decoded_from_references_and_vecs() {
        let src = "struct Point { x: i32, y: i32 }\nfn main() {\n    let p = Point { x: 1, y: 2 };\n    let r = &p.y;\n    let v = vec![1, 2];\n    let e = &v[1];\n    println!(\"{} {} {}\", r, e, p.x);\n}\n";
        for (width, pw) in [("32", 4), ("64", 8)] {
            let overrides = SettingsOverrides {
                ptr_width: Some(width.parse().unwrap()),
                ..SettingsOverrides::default()
            };
            let mut session = Session::from_run(src, stackheap::run(src, &overrides));
            assert_eq!(
                session.run.outcome,
                Outcome::Finished,
                "{:?}",
                session.run.diagnostics
            );
            session.state = session.run.state_at(4);
            let ptrs = session.pointers();
            let vars = &session.state.frames[0].variables;
            let addr = |n: &str| vars.iter().find(|v| v.name == n).unwrap().addr;
            let at = |a: u32| ptrs.iter().find(|p| p.at == a).unwrap();
            let r = at(addr("r"));
            assert_eq!(
                (r.kind, r.region, r.target),
                ("ref", Some(Region::Stack), addr("p") + 4)
            );
            let v = at(addr("v"));
            assert_eq!((v.kind, v.region, v.target), ("vec", Some(Region::Heap), 0));
            let e = at(addr("e"));
            assert_eq!((e.kind, e.region, e.target), ("ref", Some(Region::Heap), 4));
            assert_eq!(
                session.state.frames[0].variables.len(),
                4,
                "pointer width {pw}"
            );
        }
    }

    #[test]
    fn strings_boxes_and_str_slices_are_pointers_too() {
        let src = "fn main() {\n    let g = \"hé\";\n    let s = String::from(\"ab\");\n    let b = Box::new(5);\n    println!(\"{} {} {}\", g, s, b);\n}\n";
        let mut session =
            Session::from_run(src, stackheap::run(src, &SettingsOverrides::default()));
        assert_eq!(
            session.run.outcome,
            Outcome::Finished,
            "{:?}",
            session.run.diagnostics
        );
        session.state = session.run.state_at(3);
        let ptrs = session.pointers();
        let vars = &session.state.frames[0].variables;
        let kind = |n: &str| {
            let a = vars.iter().find(|v| v.name == n).unwrap().addr;
            let p = ptrs.iter().find(|p| p.at == a).unwrap();
            (p.kind, p.region)
        };
        assert_eq!(kind("g"), ("ref", Some(Region::Heap)));
        assert_eq!(kind("s"), ("string", Some(Region::Heap)));
        assert_eq!(kind("b"), ("box", Some(Region::Heap)));
        assert!(
            session.state.blocks.iter().any(|b| b.read_only),
            "the literals' block is read-only"
        );
    }

    #[test]
    fn the_vec_a_for_loop_walks_is_a_pointer_too() {
        let src = "fn main() {\n    let v = vec![1, 2];\n    for x in v {\n        println!(\"{}\", x);\n    }\n}\n";
        let mut session =
            Session::from_run(src, stackheap::run(src, &SettingsOverrides::default()));
        assert_eq!(session.run.outcome, Outcome::Finished);
        // The first state in the loop's body: `v` moved into the loop's hidden (vec).
        let n = (0..session.run.step_count())
            .find(|&n| {
                let st = session.run.state_at(n);
                st.frames[0].hidden.iter().any(|h| h.name == "(vec)")
            })
            .expect("the loop keeps the Vec it walks");
        session.state = session.run.state_at(n);
        let kept = &session.state.frames[0].hidden;
        let vec = kept.iter().find(|h| h.name == "(vec)").unwrap();
        let ptrs = session.pointers();
        let p = ptrs.iter().find(|p| p.at == vec.addr).unwrap();
        assert_eq!((p.kind, p.region, p.target), ("vec", Some(Region::Heap), 0));
    }

    #[test]
    fn a_lists_next_pointers_are_decoded_from_the_heap() {
        let src = "struct Node {\n    value: i32,\n    next: Option<Box<Node>>,\n}\nfn main() {\n    let tail = Some(Box::new(Node { value: 2, next: None }));\n    let head = Box::new(Node { value: 1, next: tail });\n    println!(\"{}\", head.value);\n}\n";
        let mut session =
            Session::from_run(src, stackheap::run(src, &SettingsOverrides::default()));
        assert_eq!(
            session.run.outcome,
            Outcome::Finished,
            "{:?}",
            session.run.diagnostics
        );
        session.state = session.run.state_at(2);
        let head = session.state.frames[0]
            .variables
            .iter()
            .find(|v| v.name == "head")
            .unwrap()
            .addr;
        let first = session
            .pointers()
            .into_iter()
            .find(|p| p.at == head)
            .unwrap();
        assert_eq!((first.kind, first.region), ("box", Some(Region::Heap)));
        // Both nodes' blocks know they hold a `Node`; the head's `next` points at the
        // tail's block, whose `next` is `None` (the all-ones niche: no target).
        let node_blocks: Vec<_> = session
            .state
            .blocks
            .iter()
            .filter(|b| b.holds.as_deref() == Some("Node"))
            .collect();
        assert_eq!(node_blocks.len(), 2);
        let ptrs = session.heap_pointers();
        let next_of = |block: u32| {
            let b = node_blocks.iter().find(|b| b.addr == block).unwrap();
            let f = b.fields.iter().find(|f| f.name == "next.Some.0").unwrap();
            ptrs.iter().find(|p| p.at == block + f.offset).unwrap()
        };
        let head_next = next_of(first.target);
        assert_eq!(
            (head_next.kind, head_next.region),
            ("box", Some(Region::Heap))
        );
        let tail_next = next_of(head_next.target);
        assert_eq!((tail_next.kind, tail_next.region), ("box", None));
    }
}
