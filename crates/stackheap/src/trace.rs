//! The recorded run: every step and event in a compact byte encoding (variable-length
//! integers, one tag byte per record) plus periodic checkpoints of memory, so that a
//! million-step run stays small and any step can be rebuilt by restoring the nearest
//! checkpoint and replaying forward.

use std::sync::Arc;

use crate::compile::Program;
use crate::event::*;
use crate::memory::MemState;
use crate::settings::Settings;
use crate::types::Ty;
use crate::TraceStats;

const STEP: u8 = 0;
const STACK_LENGTH: u8 = 1;
const WRITE_STACK: u8 = 2;
const WRITE_HEAP: u8 = 3;
const COPY: u8 = 4;
const ALLOC: u8 = 5;
const DEALLOC: u8 = 6;
const OUTPUT: u8 = 7;
const CALL: u8 = 8;
const RETURN: u8 = 9;
const ERROR: u8 = 10;
const OWNER: u8 = 11;
const STDERR: u8 = 12;
/// Not an event: a local's value was moved out (flag 1) or given back (flag 0).
const MOVED: u8 = 13;

/// Least number of encoded bytes between two checkpoints.
const MIN_CHECKPOINT_GAP: usize = 32 * 1024;

struct Checkpoint {
    /// Steps run when it was taken.
    step: u64,
    offset: usize,
    state: MemState,
}

pub struct Trace {
    program: Option<Arc<Program>>,
    settings: Settings,
    data: Vec<u8>,
    checkpoints: Vec<Checkpoint>,
    output: String,
    stderr: String,
    error_message: String,
    steps: u64,
    events: u64,
    checkpoint_bytes: usize,
}

fn get_varint(data: &[u8], pos: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some(&b) = data.get(*pos) {
        *pos += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
        if shift > 63 {
            break;
        }
    }
    v
}

fn region_bit(r: Region) -> u8 {
    match r {
        Region::Stack => 0,
        Region::Heap => 1,
    }
}

fn bit_region(b: u8) -> Region {
    if b & 1 == 0 {
        Region::Stack
    } else {
        Region::Heap
    }
}

/// Bytes kept free past the end of the records while recording, so that a small record is
/// written with fixed-size stores into that room and no capacity check per byte.
const SLACK: usize = 64;

/// Bytes `Recorder::grow` adds past the room.
const GROW_CHUNK: usize = 16 * 1024;

/// The room past the end of the records, and how many bytes of it a record has taken.
/// Every record written through it is well under `SLACK` bytes (at most 22).
struct Room<'a> {
    buf: &'a mut [u8; SLACK],
    k: usize,
}

impl Room<'_> {
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        self.buf[self.k & (SLACK - 1)] = b;
        self.k += 1;
    }

    /// Variable-length integer: seven bits a byte, low first, high bit set on all but the last.
    #[inline(always)]
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.byte((v as u8) | 0x80);
            v >>= 7;
        }
        self.byte(v as u8);
    }

    /// The low `n` bytes (`n <= 8`) of `v`, little-endian: eight bytes are stored and the
    /// ones past `n` are left as scratch for the next record to overwrite.
    #[inline(always)]
    fn word(&mut self, v: u64, n: u32) {
        let k = self.k & (SLACK - 1);
        if let Some(dst) = self.buf.get_mut(k..k + 8) {
            dst.copy_from_slice(&v.to_le_bytes());
        }
        self.k += n as usize;
    }
}

/// Writes records while the machine runs; the machine changes its own state alongside.
///
/// While recording, `trace.data` holds the records in its first `len` bytes and at least
/// `SLACK` bytes of scratch room after them; `finish` cuts it to `len`.
pub struct Recorder {
    trace: Trace,
    len: usize,
    last_checkpoint: usize,
    /// `len` below which no checkpoint can be due (see `step`).
    next_check: usize,
}

impl Recorder {
    pub fn new(program: Arc<Program>, settings: &Settings) -> Recorder {
        let mut trace = Trace::empty(settings);
        trace.program = Some(program);
        trace.data = vec![0; SLACK + GROW_CHUNK];
        Recorder {
            trace,
            len: 0,
            last_checkpoint: 0,
            next_check: 0,
        }
    }

    /// The scratch room after the records.
    #[inline(always)]
    fn room(&mut self) -> Room<'_> {
        if self.trace.data.len() < self.len + SLACK {
            self.grow();
        }
        let len = self.len;
        let buf = <&mut [u8; SLACK]>::try_from(&mut self.trace.data[len..len + SLACK])
            .expect("the room is SLACK bytes");
        Room { buf, k: 0 }
    }

    /// Makes room: a chunk at a time (the Vec's capacity still grows by doubling), so the
    /// zeroing stays small and the bytes are written soon after, while still in cache.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        self.trace.data.resize(self.len + SLACK + GROW_CHUNK, 0);
    }

    /// Appends bytes of any length (the slow path for long writes).
    fn extend(&mut self, bytes: &[u8]) {
        self.trace.data.truncate(self.len);
        self.trace.data.extend_from_slice(bytes);
        self.len = self.trace.data.len();
    }

    pub fn checkpoint(&mut self, state: &MemState) {
        let snap = state.snapshot();
        self.trace.checkpoint_bytes += state.snapshot_bytes();
        self.trace.checkpoints.push(Checkpoint {
            step: state.step,
            offset: self.len,
            state: snap,
        });
        self.last_checkpoint = self.len;
        self.set_next_check(state);
    }

    /// A checkpoint is due when at least `MIN_CHECKPOINT_GAP` and four snapshots' worth of
    /// bytes have been recorded since the last one. A snapshot is never smaller than
    /// `snapshot_bytes_floor`, which never shrinks while the machine runs, so none can be
    /// due before `next_check`.
    fn set_next_check(&mut self, state: &MemState) {
        self.next_check =
            self.last_checkpoint + MIN_CHECKPOINT_GAP.max(4 * state.snapshot_bytes_floor());
    }

    #[cold]
    #[inline(never)]
    fn consider_checkpoint(&mut self, state: &MemState) {
        let since = self.len - self.last_checkpoint;
        if since >= MIN_CHECKPOINT_GAP && since >= 4 * state.snapshot_bytes() {
            self.checkpoint(state);
        } else {
            self.set_next_check(state);
        }
    }

    /// Begins a step: called before the state counts it.
    #[inline]
    pub fn step(&mut self, site: u32, state: &MemState) {
        if self.len >= self.next_check {
            self.consider_checkpoint(state);
        }
        self.trace.steps += 1;
        let mut r = self.room();
        r.byte(STEP);
        r.varint(site as u64);
        self.len += r.k;
    }

    /// Begins an event record: its tag.
    #[inline(always)]
    fn event(&mut self, tag: u8) -> Room<'_> {
        self.trace.events += 1;
        let mut r = self.room();
        r.byte(tag);
        r
    }

    pub fn stack_length(&mut self, to: u32) {
        let mut r = self.event(STACK_LENGTH);
        r.varint(to as u64);
        self.len += r.k;
    }

    fn write_tag(region: Region) -> u8 {
        match region {
            Region::Stack => WRITE_STACK,
            Region::Heap => WRITE_HEAP,
        }
    }

    pub fn write(&mut self, region: Region, addr: u32, bytes: &[u8]) {
        let mut r = self.event(Self::write_tag(region));
        r.varint(addr as u64);
        r.varint(bytes.len() as u64);
        let k = r.k;
        self.len += k;
        self.extend(bytes);
    }

    /// A write of the low `size` bytes (`size <= 8`) of `value`, little-endian: the same
    /// record as `write` of those bytes.
    #[inline]
    pub fn write_scalar(&mut self, region: Region, addr: u32, value: u64, size: u32) {
        let mut r = self.event(Self::write_tag(region));
        r.varint(addr as u64);
        r.byte(size as u8);
        r.word(value, size);
        self.len += r.k;
    }

    pub fn copy(&mut self, from_region: Region, from: u32, to_region: Region, to: u32, len: u32) {
        let mut r = self.event(COPY);
        r.byte(region_bit(from_region) | (region_bit(to_region) << 1));
        r.varint(from as u64);
        r.varint(to as u64);
        r.varint(len as u64);
        self.len += r.k;
    }

    pub fn alloc(&mut self, addr: u32, size: u32, align: u32, label: u32) {
        let mut r = self.event(ALLOC);
        r.varint(addr as u64);
        r.varint(size as u64);
        r.varint(align as u64);
        r.varint(label as u64);
        self.len += r.k;
    }

    pub fn dealloc(&mut self, addr: u32) {
        let mut r = self.event(DEALLOC);
        r.varint(addr as u64);
        self.len += r.k;
    }

    pub fn owner(&mut self, addr: u32, label: u32) {
        let mut r = self.event(OWNER);
        r.varint(addr as u64);
        r.varint(label as u64);
        self.len += r.k;
    }

    pub fn output(&mut self, text: &str) {
        let mut r = self.event(OUTPUT);
        r.varint(text.len() as u64);
        self.len += r.k;
        self.trace.output.push_str(text);
    }

    pub fn call(&mut self, func: u32, base: u32, slot: u32, slot_size: u32) {
        let mut r = self.event(CALL);
        r.varint(func as u64);
        r.varint(base as u64);
        r.varint(slot as u64);
        r.varint(slot_size as u64);
        self.len += r.k;
    }

    pub fn ret(&mut self) {
        let r = self.event(RETURN);
        self.len += r.k;
    }

    pub fn error(&mut self, message: &str) {
        let r = self.event(ERROR);
        self.len += r.k;
        self.trace.error_message = message.to_string();
    }

    pub fn stderr(&mut self, text: &str) {
        let mut r = self.event(STDERR);
        r.varint(text.len() as u64);
        self.len += r.k;
        self.trace.stderr.push_str(text);
    }

    pub fn moved(&mut self, local: u32, moved: bool) {
        let mut r = self.room();
        r.byte(MOVED);
        r.varint(((local as u64) << 1) | moved as u64);
        self.len += r.k;
    }

    pub fn output_len(&self) -> usize {
        self.trace.output.len()
    }

    pub fn finish(mut self) -> Trace {
        self.trace.data.truncate(self.len);
        self.trace
    }
}

/// Replays records onto a state, optionally decoding them into events.
struct Replay<'t> {
    trace: &'t Trace,
    program: &'t Program,
    state: MemState,
    pos: usize,
}

impl<'t> Replay<'t> {
    /// Starts at the last checkpoint at or before `step` steps.
    fn from_step(trace: &'t Trace, program: &'t Program, step: u64) -> Replay<'t> {
        let i = trace
            .checkpoints
            .partition_point(|c| c.step <= step)
            .saturating_sub(1);
        let cp = &trace.checkpoints[i];
        let mut state = MemState::new(trace.settings.stack_size, trace.settings.heap_size);
        state.restore(&cp.state);
        Replay {
            trace,
            program,
            state,
            pos: cp.offset,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.trace.data.len()
    }

    /// Applies one whole step (its STEP record and the events after it).
    fn step(&mut self, mut events: Option<&mut Vec<Event>>) {
        let data = &self.trace.data;
        if data.get(self.pos) == Some(&STEP) {
            self.pos += 1;
            let site = get_varint(data, &mut self.pos) as u32;
            self.state.step += 1;
            self.state.site = site;
            if let Some(f) = self.state.frames.last_mut() {
                f.site = site;
            }
        }
        while self.pos < data.len() && data[self.pos] != STEP {
            let tag = data[self.pos];
            self.pos += 1;
            let p = &mut self.pos;
            let st = &mut self.state;
            match tag {
                STACK_LENGTH => {
                    let to = get_varint(data, p) as u32;
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::StackLength {
                            from: st.stack_length,
                            to,
                        });
                    }
                    st.set_stack_length(to);
                }
                WRITE_STACK | WRITE_HEAP => {
                    let region = if tag == WRITE_STACK {
                        Region::Stack
                    } else {
                        Region::Heap
                    };
                    let addr = get_varint(data, p) as u32;
                    let len = get_varint(data, p) as usize;
                    let end = (*p + len).min(data.len());
                    let bytes = &data[*p..end];
                    *p = end;
                    st.write(region, addr, bytes);
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Write {
                            region,
                            addr,
                            bytes: bytes.to_vec(),
                        });
                    }
                }
                COPY => {
                    let regions = data.get(*p).copied().unwrap_or(0);
                    *p += 1;
                    let from = get_varint(data, p) as u32;
                    let to = get_varint(data, p) as u32;
                    let len = get_varint(data, p) as u32;
                    let (fr, tr) = (bit_region(regions), bit_region(regions >> 1));
                    st.copy(fr, from, tr, to, len);
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Copy {
                            from_region: fr,
                            from,
                            to_region: tr,
                            to,
                            len,
                        });
                    }
                }
                ALLOC => {
                    let addr = get_varint(data, p) as u32;
                    let size = get_varint(data, p) as u32;
                    let align = get_varint(data, p) as u32;
                    let label = get_varint(data, p) as u32;
                    st.alloc(addr, size, align, label);
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Alloc {
                            addr,
                            size,
                            align,
                            label: self
                                .program
                                .labels
                                .get(label as usize)
                                .cloned()
                                .unwrap_or_default(),
                        });
                    }
                }
                DEALLOC => {
                    let addr = get_varint(data, p) as u32;
                    if let Some(ev) = events.as_deref_mut() {
                        let (size, label) = st
                            .block_at(addr)
                            .map(|(_, b)| (b.size, b.label))
                            .unwrap_or((0, u32::MAX));
                        ev.push(Event::Dealloc {
                            addr,
                            size,
                            label: self
                                .program
                                .labels
                                .get(label as usize)
                                .cloned()
                                .unwrap_or_default(),
                        });
                    }
                    st.dealloc(addr);
                }
                OWNER => {
                    let addr = get_varint(data, p) as u32;
                    let label = get_varint(data, p) as u32;
                    st.relabel(addr, label);
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Owner {
                            addr,
                            label: self
                                .program
                                .labels
                                .get(label as usize)
                                .cloned()
                                .unwrap_or_default(),
                        });
                    }
                }
                OUTPUT => {
                    let len = get_varint(data, p) as usize;
                    let start = st.output_len;
                    st.output_len += len;
                    if let Some(ev) = events.as_deref_mut() {
                        let text = self
                            .trace
                            .output
                            .get(start..st.output_len)
                            .unwrap_or_default()
                            .to_string();
                        ev.push(Event::Output { text });
                    }
                }
                STDERR => {
                    let len = get_varint(data, p) as usize;
                    let start = st.stderr_len;
                    st.stderr_len += len;
                    if let Some(ev) = events.as_deref_mut() {
                        let text = self
                            .trace
                            .stderr
                            .get(start..st.stderr_len)
                            .unwrap_or_default()
                            .to_string();
                        ev.push(Event::Stderr { text });
                    }
                }
                MOVED => {
                    let v = get_varint(data, p);
                    if let Some(f) = st.frames.last_mut() {
                        f.set_moved((v >> 1) as u32, v & 1 == 1);
                    }
                }
                CALL => {
                    let func = get_varint(data, p) as u32;
                    let base = get_varint(data, p) as u32;
                    let slot = get_varint(data, p) as u32;
                    let slot_size = get_varint(data, p) as u32;
                    st.frames
                        .push(crate::memory::FrameRec::new(func, base, slot, slot_size));
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Call {
                            function: self
                                .program
                                .functions
                                .get(func as usize)
                                .map(|f| f.name.clone())
                                .unwrap_or_default(),
                            frame_base: base,
                        });
                    }
                }
                RETURN => {
                    let f = st.frames.pop();
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Return {
                            function: f
                                .and_then(|f| self.program.functions.get(f.func as usize))
                                .map(|f| f.name.clone())
                                .unwrap_or_default(),
                        });
                    }
                }
                ERROR => {
                    if let Some(ev) = events.as_deref_mut() {
                        ev.push(Event::Error {
                            message: self.trace.error_message.clone(),
                        });
                    }
                }
                _ => {
                    // Unknown tag: the data is damaged; stop replaying.
                    self.pos = data.len();
                }
            }
        }
    }
}

impl Trace {
    pub fn empty(settings: &Settings) -> Trace {
        Trace {
            program: None,
            settings: settings.clone(),
            data: Vec::new(),
            checkpoints: Vec::new(),
            output: String::new(),
            stderr: String::new(),
            error_message: String::new(),
            steps: 0,
            events: 0,
            checkpoint_bytes: 0,
        }
    }

    pub fn output(&self) -> &str {
        &self.output
    }

    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    pub fn step_count(&self) -> u64 {
        self.steps
    }

    pub fn stats(&self) -> TraceStats {
        TraceStats {
            steps: self.steps,
            events: self.events,
            trace_bytes: (self.data.len() + self.checkpoint_bytes) as u64,
        }
    }

    fn step_info(&self, program: &Program, replay: &mut Replay<'_>) -> StepInfo {
        let index = replay.state.step;
        let mut events = Vec::new();
        replay.step(Some(&mut events));
        let site = program.sites.get(replay.state.site as usize);
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
        if index >= self.steps {
            return None;
        }
        let mut r = Replay::from_step(self, program, index);
        while r.state.step < index && !r.at_end() {
            r.step(None);
        }
        Some(self.step_info(program, &mut r))
    }

    pub fn steps(&self) -> impl Iterator<Item = StepInfo> + '_ {
        let mut replay = self
            .program
            .as_deref()
            .map(|p| Replay::from_step(self, p, 0));
        std::iter::from_fn(move || {
            let r = replay.as_mut()?;
            if r.at_end() || r.state.step >= self.steps {
                return None;
            }
            Some(self.step_info(r.program, r))
        })
    }

    pub fn heap_in_use(&self) -> Vec<(u64, u32)> {
        let Some(program) = self.program.as_deref() else {
            return vec![(0, 0)];
        };
        let mut r = Replay::from_step(self, program, 0);
        let mut out = vec![(0, r.state.live_bytes)];
        while !r.at_end() && r.state.step < self.steps {
            r.step(None);
            if out.last().is_some_and(|&(_, b)| b != r.state.live_bytes) {
                out.push((r.state.step, r.state.live_bytes));
            }
        }
        out
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
        let steps = steps.min(self.steps);
        let mut r = Replay::from_step(self, program, steps);
        while r.state.step < steps && !r.at_end() {
            r.step(None);
        }
        view(program, &r.state, &self.output, &self.stderr)
    }
}

/// Builds the public view of a state.
fn view(p: &Program, st: &MemState, output: &str, stderr: &str) -> MemoryState {
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
        let variables = live
            .iter()
            .filter_map(|&id| f.locals.get(id as usize).map(|l| (id, l)))
            .filter(|(_, l)| !l.hidden)
            .map(|(id, l)| {
                let addr = fr.base + l.off;
                VariableView {
                    name: l.name.clone(),
                    ty: l.ty.to_string(),
                    addr,
                    size: l.size,
                    value: render(p, st, &l.ty, addr),
                    moved: fr.moved.contains(&id),
                    fields: field_views(&l.ty, p.ptr),
                }
            })
            .collect();
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
        });
    }
    let line_of = |site: u32| p.sites.get(site as usize).map_or(0, |s| s.line);
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
    MemoryState {
        step: st.step,
        stack_length: st.stack_length,
        stack_bytes: st.stack.clone(),
        heap_bytes: st.heap.clone(),
        stack_init: flags(&st.stack_init, st.stack_high, st.stack.len()),
        heap_init: flags(&st.heap_init, st.heap_high, st.heap.len()),
        frames,
        blocks,
        output: output.get(..st.output_len).unwrap_or(output).to_string(),
        stderr: stderr.get(..st.stderr_len).unwrap_or(stderr).to_string(),
    }
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
    render_in(p, st, Region::Stack, ty, addr)
}

/// A value as `{:?}` shows it, read from `region` at `addr` (Vec elements are in the heap).
fn render_in(p: &Program, st: &MemState, region: Region, ty: &Ty, addr: u32) -> String {
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
            render_in(p, st, region, inner, addr + l.payload)
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
                    .map(|k| render_in(p, st, region, e, addr + k * esize))
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
        Ty::SliceRef(_) => {
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
        Ty::Vec(elem) => {
            let w = p.ptr.bytes();
            let ptr = st.read_uint(region, addr, w) as u32;
            let len = st.read_uint(region, addr + w, w) as u32;
            let cap = st.read_uint(region, addr + 2 * w, w) as u32;
            let esize = elem.size(p.ptr);
            if len > cap
                || (ptr as u64 + cap as u64 * esize as u64) > st.heap.len() as u64 && cap > 0
            {
                return "(invalid Vec)".into();
            }
            let shown = len.min(32);
            let mut items = Vec::new();
            for k in 0..shown {
                let a = ptr + k * esize;
                if elem.is_mem() {
                    items.push(render_in(p, st, Region::Heap, elem, a));
                    continue;
                }
                let raw = st.read_uint(Region::Heap, a, esize);
                items.push(match &**elem {
                    Ty::Bool => (raw != 0).to_string(),
                    Ty::Char => render_in(p, st, Region::Heap, elem, a),
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
        Ty::Struct(_) | Ty::Tuple(_) | Ty::Array(..) => {
            // Fields as `{:?}` shows them; each field read back with `render`.
            let read = |a: u64, _: &Ty| a;
            let write = |o: &mut String, a: u64, t: &Ty, _: &crate::format::Spec| {
                o.push_str(&render_in(p, st, region, t, a as u32));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoding the room's must match.
    fn reference(mut v: u64) -> Vec<u8> {
        let mut out = Vec::new();
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
        out
    }

    #[test]
    fn room_varints_match_the_encoding_and_decode() {
        let mut values = vec![
            0u64,
            1,
            127,
            128,
            255,
            16383,
            16384,
            u32::MAX as u64,
            u64::MAX,
        ];
        for shift in 0..64 {
            values.extend([1u64 << shift, (1u64 << shift) - 1, (1u64 << shift) + 1]);
        }
        for v in values {
            let mut buf = [0xaau8; SLACK];
            let mut room = Room {
                buf: &mut buf,
                k: 0,
            };
            room.varint(v);
            let k = room.k;
            assert_eq!(&buf[..k], &reference(v)[..], "{v}");
            let mut pos = 0;
            assert_eq!(get_varint(&buf[..k], &mut pos), v);
            assert_eq!(pos, k);
        }
    }
}
