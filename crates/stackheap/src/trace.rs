//! The recorded run. The machine is deterministic, so instead of storing every event the
//! trace stores checkpoints: snapshots of the whole machine taken every few thousand steps
//! during the run. Memory after any step is rebuilt by restoring the nearest checkpoint
//! and running the machine forward to that step; a step's events are collected by running
//! that one step again with the event log switched on. A million-step run keeps only a few
//! dozen snapshots, and going to any step replays at most one checkpoint's gap.

use std::sync::Arc;

use crate::compile::Program;
use crate::event::*;
use crate::machine::{Snapshot, Vm};
use crate::maps::SortedMap;
use crate::memory::MemState;
use crate::settings::Settings;
use crate::types::Ty;
use crate::TraceStats;

/// What the machine reports while it runs: when `collecting`, the events of the step being
/// run, built as [`Event`] values; always, how many events there were and (on the first
/// run) the program's output.
pub struct EventLog<'p> {
    program: &'p Program,
    pub collecting: bool,
    pub events: Vec<Event>,
    pub count: u64,
    /// Everything printed, kept on the first run only (replays rebuild only their steps).
    pub keep_output: bool,
    pub output: String,
    pub stderr: String,
}

impl<'p> EventLog<'p> {
    pub fn new(program: &'p Program, keep_output: bool) -> EventLog<'p> {
        EventLog {
            program,
            collecting: false,
            events: Vec::new(),
            count: 0,
            keep_output,
            output: String::new(),
            stderr: String::new(),
        }
    }

    fn label(&self, label: u32) -> String {
        self.program
            .labels
            .get(label as usize)
            .cloned()
            .unwrap_or_default()
    }

    fn function(&self, func: u32) -> String {
        self.program
            .functions
            .get(func as usize)
            .map(|f| f.name.clone())
            .unwrap_or_default()
    }

    /// Counts an event and, while collecting, builds it with `make` (out of line, so the
    /// counting path stays a few instructions).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn push(&mut self, make: impl FnOnce(&Self) -> Event) {
        self.count += 1;
        if self.collecting {
            self.collect(make);
        }
    }

    #[cold]
    #[inline(never)]
    fn collect(&mut self, make: impl FnOnce(&Self) -> Event) {
        let e = make(self);
        self.events.push(e);
    }

    // The events of the hot ops are built by functions of their own, out of line, so that
    // counting one is an increment and a test.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn stack_length(&mut self, from: u32, to: u32) {
        self.count += 1;
        if self.collecting {
            self.events.push(Event::StackLength { from, to });
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn write(&mut self, region: Region, addr: u32, bytes: &[u8]) {
        self.push(move |_| Event::Write {
            region,
            addr,
            bytes: bytes.to_vec(),
        });
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn write_scalar(&mut self, region: Region, addr: u32, value: u64, size: u32) {
        self.count += 1;
        if self.collecting {
            self.collect_write(region, addr, value, size);
        }
    }

    #[cold]
    #[inline(never)]
    fn collect_write(&mut self, region: Region, addr: u32, value: u64, size: u32) {
        self.events.push(Event::Write {
            region,
            addr,
            bytes: value.to_le_bytes()[..size.min(8) as usize].to_vec(),
        });
    }

    pub fn copy(&mut self, from_region: Region, from: u32, to_region: Region, to: u32, len: u32) {
        self.push(move |_| Event::Copy {
            from_region,
            from,
            to_region,
            to,
            len,
        });
    }

    pub fn alloc(&mut self, addr: u32, size: u32, align: u32, label: u32) {
        self.push(move |log| Event::Alloc {
            addr,
            size,
            align,
            label: log.label(label),
        });
    }

    pub fn dealloc(&mut self, addr: u32, size: u32, label: u32) {
        self.push(move |log| Event::Dealloc {
            addr,
            size,
            label: log.label(label),
        });
    }

    pub fn owner(&mut self, addr: u32, label: u32) {
        self.push(move |log| Event::Owner {
            addr,
            label: log.label(label),
        });
    }

    pub fn output(&mut self, text: &str) {
        if self.keep_output {
            self.output.push_str(text);
        }
        self.push(move |_| Event::Output {
            text: text.to_string(),
        });
    }

    pub fn stderr(&mut self, text: &str) {
        if self.keep_output {
            self.stderr.push_str(text);
        }
        self.push(move |_| Event::Stderr {
            text: text.to_string(),
        });
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn call(&mut self, func: u32, frame_base: u32) {
        self.count += 1;
        if self.collecting {
            self.collect_call(func, frame_base);
        }
    }

    #[cold]
    #[inline(never)]
    fn collect_call(&mut self, func: u32, frame_base: u32) {
        let function = self.function(func);
        self.events.push(Event::Call {
            function,
            frame_base,
        });
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn ret(&mut self, func: u32) {
        self.count += 1;
        if self.collecting {
            self.collect_ret(func);
        }
    }

    #[cold]
    #[inline(never)]
    fn collect_ret(&mut self, func: u32) {
        let function = self.function(func);
        self.events.push(Event::Return { function });
    }

    pub fn error(&mut self, message: &str) {
        self.push(move |_| Event::Error {
            message: message.to_string(),
        });
    }
}

/// What the first run left for replays.
pub struct Recording {
    pub checkpoints: Vec<Snapshot>,
    pub output: String,
    pub stderr: String,
    pub steps: u64,
    pub events: u64,
    /// The message of the error that ended the run, if one did.
    pub error: Option<String>,
    /// `(steps run, bytes in live blocks)` at the start and wherever it changed.
    pub heap_in_use: Vec<(u64, u32)>,
}

pub struct Trace {
    program: Option<Arc<Program>>,
    settings: Settings,
    recording: Recording,
    checkpoint_bytes: usize,
}

impl Trace {
    pub fn empty(settings: &Settings) -> Trace {
        Trace {
            program: None,
            settings: settings.clone(),
            recording: Recording {
                checkpoints: Vec::new(),
                output: String::new(),
                stderr: String::new(),
                steps: 0,
                events: 0,
                error: None,
                heap_in_use: vec![(0, 0)],
            },
            checkpoint_bytes: 0,
        }
    }

    pub fn new(program: Arc<Program>, settings: &Settings, recording: Recording) -> Trace {
        let checkpoint_bytes = recording.checkpoints.iter().map(Snapshot::bytes).sum();
        Trace {
            program: Some(program),
            settings: settings.clone(),
            recording,
            checkpoint_bytes,
        }
    }

    pub fn output(&self) -> &str {
        &self.recording.output
    }

    pub fn stderr(&self) -> &str {
        &self.recording.stderr
    }

    pub fn step_count(&self) -> u64 {
        self.recording.steps
    }

    pub fn stats(&self) -> TraceStats {
        TraceStats {
            steps: self.recording.steps,
            events: self.recording.events,
            trace_bytes: (self.checkpoint_bytes
                + self.recording.output.len()
                + self.recording.stderr.len()
                + self.recording.heap_in_use.len() * 12) as u64,
        }
    }

    pub fn heap_in_use(&self) -> Vec<(u64, u32)> {
        self.recording.heap_in_use.clone()
    }

    /// A machine paused just before step `step` (or at the end of the run).
    fn machine_at<'t>(&'t self, program: &'t Program, step: u64) -> Vm<'t> {
        let cps = &self.recording.checkpoints;
        let i = cps.partition_point(|c| c.step() <= step).saturating_sub(1);
        let mut vm = Vm::restore(program, &self.settings, &cps[i]);
        vm.run_to(step);
        vm
    }

    /// Runs the step the machine is paused before, collecting its events.
    fn next_step(&self, program: &Program, vm: &mut Vm<'_>) -> StepInfo {
        let index = vm.steps_run();
        vm.log.collecting = true;
        vm.log.events.clear();
        vm.run_to(index + 1);
        let mut events = std::mem::take(&mut vm.log.events);
        // The step limit stops the run before a step begins: its error belongs to the last.
        if index + 1 == self.recording.steps {
            if let Some(message) = &self.recording.error {
                if !events.iter().any(|e| matches!(e, Event::Error { .. })) {
                    events.push(Event::Error {
                        message: message.clone(),
                    });
                }
            }
        }
        let site = program.sites.get(vm.site() as usize);
        let func = site.map(|s| s.func).unwrap_or(program.main);
        StepInfo {
            index,
            kind: site.map(|s| s.kind).unwrap_or(StepKind::Statement),
            span: site.map(|s| s.span).unwrap_or_default(),
            line: site.map(|s| s.line).unwrap_or(0),
            function: program
                .functions
                .get(func as usize)
                .map(|f| f.name.clone())
                .unwrap_or_default(),
            events,
        }
    }

    pub fn step(&self, index: u64) -> Option<StepInfo> {
        let program = self.program.as_deref()?;
        if index >= self.recording.steps {
            return None;
        }
        let mut vm = self.machine_at(program, index);
        Some(self.next_step(program, &mut vm))
    }

    pub fn steps(&self) -> impl Iterator<Item = StepInfo> + '_ {
        let program = self.program.as_deref();
        let mut vm = program.map(|p| self.machine_at(p, 0));
        std::iter::from_fn(move || {
            let (p, vm) = (program?, vm.as_mut()?);
            if vm.steps_run() >= self.recording.steps {
                return None;
            }
            Some(self.next_step(p, vm))
        })
    }

    pub fn state_at(&self, steps: u64) -> MemoryState {
        let Some(program) = self.program.as_deref() else {
            return MemoryState {
                step: 0,
                stack_length: 0,
                stack_bytes: vec![0; self.settings.stack_size as usize],
                heap_bytes: vec![0; self.settings.heap_size as usize],
                stack_init: vec![0; self.settings.stack_size as usize],
                heap_init: vec![0; self.settings.heap_size as usize],
                frames: Vec::new(),
                blocks: Vec::new(),
                output: String::new(),
                stderr: String::new(),
            };
        };
        let steps = steps.min(self.recording.steps);
        let mut vm = self.machine_at(program, steps);
        view(
            program,
            vm.take_memory(),
            &self.recording.output,
            &self.recording.stderr,
        )
    }
}

/// Builds the public view of a state.
fn view(p: &Program, mut owned: MemState, output: &str, stderr: &str) -> MemoryState {
    let st = &owned;
    let mut frames = Vec::new();
    for (i, fr) in st.frames.iter().enumerate() {
        let Some(f) = p.functions.get(fr.func as usize) else {
            continue;
        };
        let end = match st.frames.get(i + 1) {
            Some(next) if next.slot_size > 0 => next.slot,
            Some(next) => next.base,
            None => st.stack_length,
        };
        let live: Vec<u32> = match p.sites.get(fr.site as usize) {
            Some(s) => s.live.clone(),
            None => (0..f.param_count).collect(),
        };
        let variables: Vec<VariableView> = live
            .iter()
            .filter_map(|&id| f.locals.get(id as usize).map(|l| (id, l)))
            .filter(|(_, l)| !l.hidden)
            .map(|(id, l)| {
                let addr = fr.base + l.off;
                let mut fields = field_views(&l.ty, p.ptr);
                // Parts moved out on their own (`let n = p.name;`) show as moved fields.
                for (part, flag) in f.locals.iter().zip(0u32..) {
                    let Some((_, path)) = part.part_of.as_ref().filter(|(of, _)| *of == id) else {
                        continue;
                    };
                    if !st.is_moved(i as u32, flag) {
                        continue;
                    }
                    for fv in fields.iter_mut() {
                        let inside = fv.name.strip_prefix(path.as_str());
                        if inside
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
                        {
                            fv.moved = true;
                        }
                    }
                }
                VariableView {
                    name: l.name.clone(),
                    ty: l.ty.to_string(),
                    addr,
                    size: l.size,
                    value: render(p, st, &l.ty, addr),
                    moved: st.is_moved(i as u32, id),
                    fields,
                }
            })
            .collect();
        let hidden = hidden_views(p, st, f, fr.base, &live, &variables);
        frames.push(FrameView {
            function: f.name.clone(),
            return_slot: (fr.slot_size > 0).then_some((fr.slot, fr.slot_size)),
            base: fr.base,
            end,
            line: p
                .sites
                .get(fr.site as usize)
                .map_or(p.line_index.line(f.span.start), |s| s.line),
            variables,
            hidden,
        });
    }
    let line_of = |site: u32| p.sites.get(site as usize).map_or(0, |s| s.line);
    let boxed = boxed_values(p, st);
    let blocks = st
        .blocks
        .iter()
        .map(|(&(addr, _), b)| BlockView {
            addr,
            size: b.size,
            align: b.align,
            state: if b.freed {
                BlockState::Freed
            } else {
                BlockState::Live
            },
            label: p.labels.get(b.label as usize).cloned().unwrap_or_default(),
            read_only: !p.rodata.is_empty() && b.label == p.rodata_label,
            alloc_step: b.alloc_step.saturating_sub(1),
            alloc_line: line_of(b.alloc_site),
            free_step: b.freed.then(|| b.free_step.saturating_sub(1)),
            free_line: b.freed.then(|| line_of(b.free_site)),
            holds: (!b.freed)
                .then(|| boxed.get(&addr))
                .flatten()
                .map(Ty::to_string),
            fields: match (b.freed, boxed.get(&addr)) {
                (false, Some(t)) => field_views(t, p.ptr),
                _ => Vec::new(),
            },
        })
        .collect();
    // Bytes past the high-water mark were never written: their flags are all 0.
    let flags = |bits: &crate::memory::Bits, high: u32, n: usize| {
        let mut out = vec![0u8; n];
        for (i, f) in out.iter_mut().enumerate().take(high as usize) {
            *f = bits.get(i) as u8;
        }
        out
    };
    let mut m = MemoryState {
        step: st.step,
        stack_length: st.stack_length,
        stack_bytes: Vec::new(),
        heap_bytes: Vec::new(),
        stack_init: flags(&st.stack_init, st.stack_high, st.stack.len()),
        heap_init: flags(&st.heap_init, st.heap_high, st.heap.len()),
        frames,
        blocks,
        output: output.get(..st.output_len).unwrap_or(output).to_string(),
        stderr: stderr.get(..st.stderr_len).unwrap_or(stderr).to_string(),
    };
    m.stack_bytes = std::mem::take(&mut owned.stack);
    m.heap_bytes = std::mem::take(&mut owned.heap);
    m
}

/// The hidden locals of a frame with bytes of their own (see [`FrameView::hidden`]):
/// not a drop flag (no bytes) nor the slot that frees a Box whose value moved out (the
/// Box variable's own bytes), and not above `stack_length`.
fn hidden_views(
    p: &Program,
    st: &MemState,
    f: &crate::compile::FnCode,
    base: u32,
    live: &[u32],
    shown: &[VariableView],
) -> Vec<VariableView> {
    let mut out = Vec::new();
    for (id, l) in live
        .iter()
        .filter_map(|&id| Some((id as usize, f.locals.get(id as usize)?)))
    {
        let addr = base + l.off;
        let overlaps = |v: &VariableView| addr < v.addr + v.size && v.addr < addr + l.size;
        if !l.hidden || l.size == 0 || addr >= st.stack_length || shown.iter().any(overlaps) {
            continue;
        }
        let (ty, value, fields) = match &l.ty {
            // A `for` loop's range: its next value and its end (and, for `..=`, a byte
            // saying it is exhausted), as rustc's `Range` and `RangeInclusive` keep them.
            Ty::Int(_) if l.size >= 2 * l.ty.size(p.ptr) => {
                let n = l.ty.size(p.ptr);
                let inclusive = l.size > 2 * n;
                let (kind, dots) = match inclusive {
                    true => ("RangeInclusive", "..="),
                    false => ("Range", ".."),
                };
                let (next, end) = (render(p, st, &l.ty, addr), render(p, st, &l.ty, addr + n));
                let field = |name: &str, ty: &Ty, offset: u32| FieldView {
                    name: name.to_string(),
                    ty: ty.to_string(),
                    offset,
                    size: ty.size(p.ptr),
                    moved: false,
                };
                let mut fields = vec![field("start", &l.ty, 0), field("end", &l.ty, n)];
                if inclusive {
                    fields.push(field("exhausted", &Ty::Bool, 2 * n));
                }
                let ty = format!("{kind}<{}>", l.ty);
                (ty, format!("{next}{dots}{end}"), fields)
            }
            // The Vec a by-value `for` loop walks: the elements it has moved out (declared
            // with it, its index says how many) are shown as moved, not as their old bytes.
            Ty::Vec(elem) if !elem.is_copy() => {
                let index = f.locals.get(id + 1).filter(|i| i.name == "(index)");
                let taken = match index {
                    Some(i) if st.is_init(Region::Stack, base + i.off, i.size) => {
                        st.read_uint(Region::Stack, base + i.off, i.size) as u32
                    }
                    _ => 0,
                };
                let value = render_vec(p, st, Region::Stack, elem, addr, taken, 0);
                (l.ty.to_string(), value, field_views(&l.ty, p.ptr))
            }
            t => (t.to_string(), render(p, st, t, addr), field_views(t, p.ptr)),
        };
        out.push(VariableView {
            name: l.name.clone(),
            ty,
            addr,
            size: l.size,
            value,
            moved: false,
            fields,
        });
    }
    out
}

/// Most blocks [`boxed_values`] follows Boxes into.
const MAX_BOXED_BLOCKS: usize = 10_000;

/// What the live blocks that Boxes point to hold, by block address: found from the frames'
/// visible variables, then from the values in those blocks (a list's nodes), then from the
/// elements of Vecs they reach, up to [`MAX_BOXED_BLOCKS`] blocks.
fn boxed_values(p: &Program, st: &MemState) -> SortedMap<u32, Ty> {
    // In walk order; a block two Boxes point to (manual mode without checks can make
    // them) keeps what it was first found to hold. The budget bounds the walk.
    let mut found: Vec<(u32, Ty)> = Vec::new();
    let mut work: Vec<(Region, u32, Ty)> = Vec::new();
    for fr in &st.frames {
        let (Some(f), Some(site)) = (
            p.functions.get(fr.func as usize),
            p.sites.get(fr.site as usize),
        ) else {
            continue;
        };
        for &id in &site.live {
            if let Some(l) = f.locals.get(id as usize).filter(|l| !l.hidden) {
                if fr.base + l.off < st.stack_length {
                    work.push((Region::Stack, fr.base + l.off, l.ty.clone()));
                }
            }
        }
    }
    let w = p.ptr.bytes();
    let mut budget = 4 * MAX_BOXED_BLOCKS;
    while let Some((region, addr, ty)) = work.pop() {
        if budget == 0 || found.len() >= MAX_BOXED_BLOCKS {
            break;
        }
        budget -= 1;
        match &ty {
            Ty::Box(inner) => {
                if !st.is_init(region, addr, w) {
                    continue;
                }
                let target = st.read_uint(region, addr, w);
                let Ok(target) = u32::try_from(target) else {
                    continue;
                };
                let starts_live = st
                    .block_at(target)
                    .is_some_and(|(_, b)| !b.freed && b.size > 0);
                if starts_live {
                    found.push((target, (**inner).clone()));
                    work.push((Region::Heap, target, (**inner).clone()));
                }
            }
            Ty::Option(inner) => {
                let Some(l) = crate::types::option_layout(&ty, p.ptr) else {
                    continue;
                };
                let (off, n, none) = match l.disc {
                    crate::types::Disc::Tag => (0, 1, 0),
                    crate::types::Disc::Niche { off, size, value } => (off, size, value),
                };
                if st.is_init(region, addr + off, n) && st.read_uint(region, addr + off, n) != none
                {
                    work.push((region, addr + l.payload, (**inner).clone()));
                }
            }
            Ty::Struct(_) | Ty::Tuple(_) => {
                for (_, ft, off) in ty.fields(p.ptr) {
                    work.push((region, addr + off, ft));
                }
            }
            Ty::Array(e, n) => {
                let size = e.size(p.ptr);
                for i in 0..(*n).min(256) as u32 {
                    work.push((region, addr + i * size, (**e).clone()));
                }
            }
            Ty::Vec(e) if !e.is_scalar() => {
                if !st.is_init(region, addr, 2 * w) {
                    continue;
                }
                let ptr = st.read_uint(region, addr, w) as u32;
                let len = st.read_uint(region, addr + w, w).min(256) as u32;
                let size = e.size(p.ptr);
                if st.block_at(ptr).is_some_and(|(_, b)| !b.freed) {
                    for i in 0..len {
                        work.push((Region::Heap, ptr + i * size, (**e).clone()));
                    }
                }
            }
            _ => {}
        }
    }
    SortedMap::from_first(found)
}

/// The scalar and Vec fields inside a struct, tuple or array, in address order (none for
/// other types). Arrays of more than 256 elements list their first 256.
pub fn field_views(ty: &Ty, ptr: crate::settings::PtrWidth) -> Vec<FieldView> {
    fn walk(
        t: &Ty,
        ptr: crate::settings::PtrWidth,
        base: u32,
        path: &str,
        out: &mut Vec<FieldView>,
    ) {
        match t {
            Ty::Struct(_) | Ty::Tuple(_) => {
                for (name, ft, off) in t.fields(ptr) {
                    let p = if path.is_empty() {
                        name
                    } else {
                        format!("{path}.{name}")
                    };
                    walk(&ft, ptr, base + off, &p, out);
                }
            }
            Ty::Array(e, n) => {
                let size = e.size(ptr);
                for i in 0..(*n).min(256) as u32 {
                    walk(e, ptr, base + i * size, &format!("{path}[{i}]"), out);
                }
            }
            Ty::Option(inner) => {
                // The tag byte (when there is no niche), then the payload of `Some`.
                let Some(l) = crate::types::option_layout(t, ptr) else {
                    return;
                };
                let p = if path.is_empty() {
                    "Some.0".to_string()
                } else {
                    format!("{path}.Some.0")
                };
                if l.disc == crate::types::Disc::Tag {
                    out.push(FieldView {
                        name: if path.is_empty() {
                            "tag".into()
                        } else {
                            format!("{path}.tag")
                        },
                        ty: "u8".into(),
                        offset: base,
                        size: 1,
                        moved: false,
                    });
                }
                if inner.is_mem() {
                    walk(inner, ptr, base + l.payload, &p, out);
                } else if inner.size(ptr) > 0 {
                    out.push(FieldView {
                        name: p,
                        ty: inner.to_string(),
                        offset: base + l.payload,
                        size: inner.size(ptr),
                        moved: false,
                    });
                }
            }
            _ => {
                let size = t.size(ptr);
                if size > 0 {
                    out.push(FieldView {
                        name: path.to_string(),
                        ty: t.to_string(),
                        offset: base,
                        size,
                        moved: false,
                    });
                }
            }
        }
    }
    let mut out = Vec::new();
    if matches!(
        ty,
        Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) | Ty::Option(_)
    ) {
        walk(ty, ptr, 0, "", &mut out);
        out.sort_by_key(|f| f.offset);
    }
    out
}

/// A value as `{:?}` shows it, read from the stack at `addr`.
pub fn render(p: &Program, st: &MemState, ty: &Ty, addr: u32) -> String {
    render_in(p, st, Region::Stack, ty, addr, 0)
}

/// Most Vecs inside each other [`render`] shows (a struct that holds itself in a Vec can
/// nest as deep as its data): deeper ones are shown as `[…]`.
const MAX_RENDERED_VECS: u32 = 16;

/// A value as `{:?}` shows it, read from `region` at `addr` (Vec elements are in the heap).
fn render_in(p: &Program, st: &MemState, region: Region, ty: &Ty, addr: u32, vecs: u32) -> String {
    let size = ty.size(p.ptr);
    if let Ty::Option(inner) = ty {
        // `None`, or `Some(..)` around the payload; uninit until the tag or niche is written.
        let Some(l) = crate::types::option_layout(ty, p.ptr) else {
            return "uninit".into();
        };
        let (off, n, none) = match l.disc {
            crate::types::Disc::Tag => (0, 1, 0),
            crate::types::Disc::Niche { off, size, value } => (off, size, value),
        };
        if !st.is_init(region, addr + off, n) {
            return "uninit".into();
        }
        let v = st.read_uint(region, addr + off, n);
        if v == none {
            return "None".into();
        }
        return format!(
            "Some({})",
            render_in(p, st, region, inner, addr + l.payload, vecs)
        );
    }
    if let Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) = ty {
        // Padding is never written: a value is uninit only when none of its fields is.
        let any = field_views(ty, p.ptr)
            .iter()
            .any(|f| st.is_init(region, addr + f.offset, f.size));
        if size > 0 && !any {
            return "uninit".into();
        }
        if let Ty::Array(e, n) = ty {
            if *n > 32 {
                let esize = e.size(p.ptr);
                let mut items: Vec<String> = (0..32)
                    .map(|k| render_in(p, st, region, e, addr + k * esize, vecs))
                    .collect();
                items.push(format!("… {} more", n - 32));
                return format!("[{}]", items.join(", "));
            }
        }
    } else if !st.is_init(region, addr, size) {
        return "uninit".into();
    }
    match ty {
        Ty::Int(i) => {
            let raw = st.read_uint(region, addr, size);
            let bits = size * 8;
            if i.signed() {
                let shift = 64 - bits;
                (((raw << shift) as i64) >> shift).to_string()
            } else {
                raw.to_string()
            }
        }
        Ty::Bool => (st.read_uint(region, addr, 1) != 0).to_string(),
        Ty::SliceRef(_) | Ty::SliceMut(_) => {
            // Where the elements are and how many: `&[3 × i32] at heap[8]`.
            let w = p.ptr.bytes();
            let raw = st.read_uint(region, addr, w);
            let len = st.read_uint(region, addr + w, w);
            let tag = 1u64 << (w * 8 - 1);
            let at = if raw & tag != 0 {
                format!("stack[{}]", raw & !tag)
            } else {
                format!("heap[{raw}]")
            };
            format!("{len} elements at {at}")
        }
        Ty::Box(_) => {
            let raw = st.read_uint(region, addr, size);
            format!("Box(heap[{raw}])")
        }
        Ty::Char => {
            let c = char::from_u32(st.read_uint(region, addr, 4) as u32).unwrap_or('\u{fffd}');
            let mut out = String::new();
            let spec = crate::format::Spec {
                debug: true,
                ..Default::default()
            };
            crate::format::write_text(&mut out, c.encode_utf8(&mut [0u8; 4]), Some('\''), &spec);
            out
        }
        Ty::String | Ty::StrRef => {
            // The text the pointer and length describe, as `{:?}` shows it.
            let w = p.ptr.bytes();
            let ptr = st.read_uint(region, addr, w) as u32;
            let len = st.read_uint(region, addr + w, w) as u32;
            if ptr as u64 + len as u64 > st.heap.len() as u64 {
                return "(invalid string)".into();
            }
            let shown = len.min(256);
            let bytes: Vec<u8> = (0..shown)
                .map(|k| st.read_uint(Region::Heap, ptr + k, 1) as u8)
                .collect();
            let mut out = String::new();
            let spec = crate::format::Spec {
                debug: true,
                ..Default::default()
            };
            crate::format::write_text(&mut out, &String::from_utf8_lossy(&bytes), Some('"'), &spec);
            if len > shown {
                out.push('…');
            }
            out
        }
        Ty::Ref(..) => {
            // A stored reference: the top bit of the pointer marks a stack address.
            let raw = st.read_uint(region, addr, size);
            let tag = 1u64 << (size * 8 - 1);
            if raw & tag != 0 {
                format!("stack[{}]", raw & !tag)
            } else {
                format!("heap[{raw}]")
            }
        }
        Ty::Vec(elem) => render_vec(p, st, region, elem, addr, 0, vecs),
        Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) => {
            // Fields as `{:?}` shows them; each field read back with `render`.
            let read = |a: u64, _: &Ty| a;
            let write = |o: &mut String, a: u64, t: &Ty, _: &crate::format::Spec| {
                o.push_str(&render_in(p, st, region, t, a as u32, vecs));
            };
            let mut out = String::new();
            crate::format::write_debug(
                &mut out,
                addr as u64,
                ty,
                p.ptr,
                &crate::format::Spec {
                    debug: true,
                    ..Default::default()
                },
                &read,
                &write,
            );
            out
        }
        _ => String::new(),
    }
}

/// A Vec's elements as `{:?}` shows them, read from the block its metadata at `addr` (in
/// `region`) points to; the first `taken` are shown as moved (a by-value `for` loop has
/// moved them out, and their bytes may be freed).
fn render_vec(
    p: &Program,
    st: &MemState,
    region: Region,
    elem: &Ty,
    addr: u32,
    taken: u32,
    vecs: u32,
) -> String {
    let w = p.ptr.bytes();
    let ptr = st.read_uint(region, addr, w) as u32;
    let len = st.read_uint(region, addr + w, w) as u32;
    let cap = st.read_uint(region, addr + 2 * w, w) as u32;
    let esize = elem.size(p.ptr);
    if len > cap || (ptr as u64 + cap as u64 * esize as u64) > st.heap.len() as u64 && cap > 0 {
        return "(invalid Vec)".into();
    }
    // A few taken elements are each shown as `moved`; more are counted in one item.
    let mut items = Vec::new();
    let first = taken.min(len);
    if first > 4 {
        items.push(format!("{first} moved"));
    } else {
        items.extend((0..first).map(|_| "moved".to_string()));
    }
    let shown = len.min(first + 32);
    for k in first..shown {
        let a = ptr + k * esize;
        if elem.is_mem() {
            if vecs >= MAX_RENDERED_VECS {
                return "[…]".into();
            }
            items.push(render_in(p, st, Region::Heap, elem, a, vecs + 1));
            continue;
        }
        let raw = st.read_uint(Region::Heap, a, esize);
        items.push(match elem {
            Ty::Bool => (raw != 0).to_string(),
            Ty::Char => render_in(p, st, Region::Heap, elem, a, vecs),
            Ty::Int(i) if i.signed() => {
                let shift = 64 - esize * 8;
                (((raw << shift) as i64) >> shift).to_string()
            }
            _ => raw.to_string(),
        });
    }
    if len > shown {
        items.push(format!("… {} more", len - shown));
    }
    format!("[{}]", items.join(", "))
}
