// The memory view: `stack_bytes` and `heap_bytes` as grids of byte cells. Stack frames are
// labelled bands; each variable's bytes are grouped, coloured and labelled (and so, marked
// hidden, are those the compiled code keeps, such as a for loop's range); return slots,
// padding, uninitialised and free bytes look different; heap blocks are coloured by owner
// and freed ones hatched; bytes the last step changed are outlined; hovering a Vec's pointer
// lights up its block; rows nobody touched are collapsed. All text goes in as text.
// Struct, tuple and array fields are labelled within their variable, with padding shown;
// references light up what they point at; moved variables are greyed; a memory-error
// report marks the bytes accessed and the block concerned; leaked blocks and bytes two
// live blocks share (after an unchecked double free) are marked as such.
// Text: the bytes of a String's buffer and of the read-only block of string literals are
// decoded as UTF-8 and each character is drawn under its first byte (in every format);
// the literal block is marked read-only. `&str` and slices are a pointer and a length: the
// range they cover lights up. Box is a pointer; Option's tag (or niche) is labelled.
// A value a Box holds (a list's node) has its fields labelled inside its block, and the
// pointers among them (a node's `next`) are linked like the stack's.

const STACK_ROW = 8;
const HEAP_ROW = 16;
/** Most rows drawn for one array; beyond that the middle is collapsed. */
const MAX_ROWS = 1200;

/** A stable hue for an owner's name, so a variable and its heap block share a colour. */
export function hueOf(name) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return ((h >>> 0) % 12) * 30 + 15;
}

/** What a hidden local (bytes the compiled code keeps that no variable names) is for. */
function hiddenMeaning(name) {
  const meaning = {
    '(range)': "the for loop's range: the next value it gives and its end (rustc's Range keeps the same two; `..=` adds a flag for exhausted)",
    '(index)': "the for loop's position in what it walks",
    '(vec)': 'the Vec the for loop took ownership of: each turn moves the next element out (those taken show as moved), and the rest are dropped with the block when the loop ends',
    '(count)': 'the count .enumerate() gives with each element',
    '(item)': "the element the for loop took this turn, before its pattern takes it apart",
    '(temporary)': 'a temporary the let borrows: it lives to the end of the block',
  }[name];
  return `not a variable of the program: ${meaning || 'what the for loop walks, held for the loop'}`;
}

/** The variable name in an owner label such as "`years`' buffer". */
export function ownerName(label) {
  const m = /`([^`]+)`/.exec(label || '');
  return m ? m[1] : label || '';
}

/** A buffer like a Vec's on the stack: pointer, length, capacity. */
const isBuf = (ty) => ty.startsWith('Vec<') || ty === 'String';
/** A fat pointer: `&str`, `&[T]` and their `&mut` forms (pointer, then length). */
const isSlice = (ty) => /^&(mut )?(str|\[)/.test(ty);
/** A thin pointer drawn as a reference: `&T`, `&mut T`, `Box<T>`. */
const isRef = (ty) => ty.startsWith('&') || ty.startsWith('Box<');

/** Size in bytes of one element of type `t` (`undefined` when not known here). */
function sizeOf(t, pw) {
  return { i8: 1, u8: 1, bool: 1, i16: 2, u16: 2, i32: 4, u32: 4, char: 4, f32: 4, i64: 8, u64: 8, f64: 8, i128: 16, u128: 16, isize: pw, usize: pw, str: 1 }[t]
    ?? (isSlice(t) ? 2 * pw : isRef(t) ? pw : isBuf(t) ? 3 * pw : undefined);
}

/** Bytes a slice type covers per element: `&str` 1, `&[T]` the size of `T`. */
function sliceElem(ty, pw) {
  const m = /^&(?:mut )?(?:str|\[(.*)\])$/.exec(ty);
  if (!m) return 1;
  return m[1] === undefined ? 1 : sizeOf(m[1], pw) ?? 1;
}

/** How a character is drawn in a cell: spaces and control characters made visible. */
function glyph(ch) {
  if (ch === ' ') return '␣';
  if (ch === '\n') return '↵';
  if (ch === '\t') return '⇥';
  const c = ch.codePointAt(0);
  if (c < 0x20 || c === 0x7f) return '·';
  return ch;
}

/**
 * UTF-8 decoding of `bytes[from, to)` (stopping at unwritten bytes): for each byte index,
 * `{ch, k, n}` (the character, this byte's place in its sequence, the sequence's length).
 */
export function decodeUtf8(bytes, init, from, to) {
  const out = new Map();
  const dec = new TextDecoder('utf-8', { fatal: true });
  for (let i = from; i < to;) {
    if (init && !init[i]) { i++; continue; }
    const b = bytes[i];
    const n = b < 0x80 ? 1 : (b >> 5) === 6 ? 2 : (b >> 4) === 14 ? 3 : (b >> 3) === 30 ? 4 : 0;
    let ch = null;
    if (n && i + n <= to) {
      try { ch = dec.decode(bytes.slice(i, i + n)); } catch { ch = null; }
    }
    if (ch === null) { out.set(i, { ch: '\ufffd', k: 0, n: 1, bad: true }); i++; continue; }
    for (let k = 0; k < n; k++) out.set(i + k, { ch, k, n });
    i += n;
  }
  return out;
}

/** The text of `bytes[from, to)` as decoded above. */
function textOf(decoded, from, to) {
  let s = '';
  for (let i = from; i < to; i++) {
    const d = decoded.get(i);
    if (d && d.k === 0) s += d.ch;
  }
  return s;
}

/** A character's code point as "U+00E9". */
const codePoint = (ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function readUint(bytes, addr, size) {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + (bytes[addr + i] ?? 0);
  return v;
}

/** Where a field lies within its variable, as "(byte 0)" or "(bytes 4–7)". */
function byteSpan(offset, size) {
  return size === 1 ? `(byte ${offset})` : `(bytes ${offset}–${offset + size - 1})`;
}

/** A scalar field's value read from its bytes (`??` while unwritten). */
function scalarText(bytes, init, part) {
  for (let i = part.at; i < part.at + part.size; i++) if (!init[i]) return '??';
  if (part.ty === 'bool') return bytes[part.at] ? 'true' : 'false';
  let x = 0n;
  for (let i = part.size - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[part.at + i] ?? 0);
  if (/^i(8|16|32|64|128|size)$/.test(part.ty)) x = BigInt.asIntN(part.size * 8, x);
  return String(x);
}

export function formatByte(b, format) {
  if (format === 'dec') return String(b);
  if (format === 'char') return b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : b === 0x20 ? '␣' : '·';
  return b.toString(16).padStart(2, '0');
}

/** Ranges `[region, from, to)` the step's events wrote. */
function changedRanges(step) {
  const out = [];
  for (const e of step?.events || []) {
    if (e.kind === 'write') out.push([e.region, e.addr, e.addr + e.bytes.length]);
    if (e.kind === 'copy') out.push([e.to_region, e.to, e.to + e.len]);
  }
  return out;
}

/** Which rows of an array to draw: rows that matter, with collapsed gaps. */
function rowPlan(wanted, rowBytes, total) {
  const rows = [...wanted].sort((a, b) => a - b);
  const plan = [];
  let last = -1;
  for (const r of rows) {
    if (r * rowBytes >= total) break;
    if (r > last + 1) plan.push({ gap: [(last + 1) * rowBytes, r * rowBytes] });
    plan.push({ row: r });
    last = r;
  }
  const end = (last + 1) * rowBytes;
  if (end < total) plan.push({ gap: [end, total], tail: true });
  // Cap the number of drawn rows: keep the first and the most recent ones.
  const drawn = plan.filter((p) => p.row !== undefined);
  if (drawn.length > MAX_ROWS) {
    const head = drawn.slice(0, 48);
    const tail = drawn.slice(drawn.length - (MAX_ROWS - 48));
    const from = (head[head.length - 1].row + 1) * rowBytes;
    const to = tail[0].row * rowBytes;
    return [
      ...plan.filter((p) => p.row !== undefined ? p.row <= head[head.length - 1].row : p.gap[1] <= from),
      { gap: [from, to], hidden: true },
      ...plan.filter((p) => p.row !== undefined ? p.row >= tail[0].row : p.gap[0] >= to),
    ];
  }
  return plan;
}

function gapRow(gap, what) {
  const [from, to] = gap.gap;
  const n = to - from;
  const text = gap.hidden
    ? `⋯ ${what}[${from}..${to}] (${n.toLocaleString('en')} bytes) not drawn, to keep the page quick`
    : `⋯ ${what}[${from}..${to}] — ${n.toLocaleString('en')} bytes never used`;
  return el('div', 'gap', text);
}

export class MemoryView {
  constructor(stackRoot, heapRoot, tooltip) {
    this.stackRoot = stackRoot;
    this.heapRoot = heapRoot;
    this.tooltip = tooltip;
    this.format = 'hex';
    /** Manual memory mode: pointers may outlive their blocks. */
    this.manual = false;
    /** Report marks: `[{kind: 'access' | 'block', region, from, to, text, tip}]`. */
    this.marks = [];
    /** Leaked blocks at the end of the run, as `addr:alloc_step` keys. */
    this.leaked = new Set();
    this.linked = [];
    this.pointers = new Map();
    for (const root of [stackRoot, heapRoot]) {
      root.addEventListener('mouseover', (ev) => this.hover(ev));
      root.addEventListener('mouseleave', () => this.unhover());
    }
  }

  /** Draws one state: `{meta, stack, heap, stackInit, heapInit, prev}` plus the pointer width. */
  render(state, ptrBytes) {
    this.state = state;
    this.ptrBytes = ptrBytes;
    this.stackRoot.dataset.format = this.format;
    this.heapRoot.dataset.format = this.format;
    const changed = changedRanges(state.prev);
    this.renderStack(changed.filter((c) => c[0] === 'stack'));
    this.renderHeap(changed.filter((c) => c[0] === 'heap'));
  }

  /** Facts about each stack byte in use: owner, role, field, label. */
  stackLayout() {
    const { meta, stack, stackInit } = this.state;
    const info = new Map();
    const notes = new Map(); // row -> [{text, hue, kind}]
    const addNote = (addr, note) => {
      const r = Math.floor(addr / STACK_ROW);
      if (!notes.has(r)) notes.set(r, []);
      notes.get(r).push({ ...note, addr });
    };
    const pw = this.ptrBytes;
    const pointers = new Map((meta.pointers || []).map((p) => [p.at, p]));
    this.pointers = pointers;
    // A heap pointer into no live block dangles: say so, and since when.
    const dangling = (p) => {
      if (p.region !== 'heap') return '';
      const inside = (b) => p.target >= b.addr && p.target < b.addr + Math.max(b.size, 1);
      const live = meta.blocks.find((b) => b.state === 'live' && inside(b));
      // In manual mode a pointer may outlive its block while a new owner took the bytes.
      if (live) return this.manual && owner && ownerName(live.label) !== owner ? ` (now ${live.label}'s block)` : '';
      const freed = meta.blocks.find((b) => inside(b));
      return freed ? ` (dangling: freed at step ${(freed.free_step + 1).toLocaleString('en')})` : ' (dangling)';
    };
    let owner = '';
    const target = (p) => (p.region ? `${p.region}[${p.target}]${dangling(p)}` : 'no allocation');
    meta.frames.forEach((f, fi) => {
      if (f.return_slot) {
        const [a, size] = f.return_slot;
        for (let i = a; i < a + size; i++) info.set(i, { role: 'ret', frame: fi, what: `return slot for ${f.function}()`, start: a, size });
        addNote(a, { text: `return slot of ${f.function}() · ${size} B`, kind: 'ret' });
      }
      // The program's variables, then what the compiled code keeps beside them (a `for`
      // loop's range or index, a temporary a `let` borrows), drawn alike but marked hidden.
      const hidden = (f.hidden || []).map((h) => ({ ...h, hidden: true }));
      for (const v of [...f.variables, ...hidden]) {
        // A variable whose bytes were given back (its scope ended) is no longer drawn.
        if (v.addr >= meta.stack_length) continue;
        const hue = hueOf(v.name);
        // The parts to label: the fields of a struct, tuple or array, or the value itself.
        const parts = v.fields && v.fields.length
          ? v.fields.map((fd) => ({ name: fd.name.startsWith('[') ? fd.name : `.${fd.name}`, ty: fd.ty, at: v.addr + fd.offset, size: fd.size, moved: !!fd.moved }))
          : [{ name: '', ty: v.ty, at: v.addr, size: v.size }];
        const whole = !(v.fields && v.fields.length);
        for (let i = v.addr; i < v.addr + v.size; i++) {
          info.set(i, { role: 'var', frame: fi, v, hue, start: v.addr, size: v.size, pad: !whole });
        }
        const moved = v.moved ? ' (moved)' : '';
        const kind = v.moved ? 'var moved' : v.hidden ? 'var kept' : 'var';
        addNote(v.addr, { text: `${v.name}: ${v.ty}${v.moved ? '' : ` = ${v.value}`}`, hue, kind, tag: moved ? 'moved' : '' });
        for (const part of parts) {
          for (let i = part.at; i < part.at + part.size; i++) {
            const rec = info.get(i);
            rec.pad = false;
            rec.part = part;
          }
          owner = isBuf(part.ty) ? `${v.name}${part.name}` : '';
          if (isBuf(part.ty)) {
            const ptr = pointers.get(part.at);
            const len = readUint(stack, part.at + pw, pw);
            const cap = readUint(stack, part.at + 2 * pw, pw);
            ['pointer', 'length', 'capacity'].forEach((name, k) => {
              for (let i = part.at + k * pw; i < part.at + (k + 1) * pw; i++) {
                const rec = info.get(i);
                rec.field = name;
                rec.fieldStart = part.at + k * pw;
              }
            });
            const written = stackInit[part.at] === 1;
            if (written) {
              addNote(part.at, { text: `${part.name}.ptr → ${ptr ? target(ptr) : '?'}${part.moved ? ' (moved out)' : ''}`, hue, kind: 'field', ptr: ptr?.region ? ptr : null });
              addNote(part.at + pw, { text: `${part.name}.len = ${len}`, hue, kind: 'field' });
              addNote(part.at + 2 * pw, { text: `${part.name}.cap = ${cap}`, hue, kind: 'field' });
            }
          } else if (isRef(part.ty) && /Some/.test(part.name) && stackInit[part.at] && stack.slice(part.at, part.at + pw).every((x) => x === 0xff)) {
            // Option<&T> / Option<Box<T>>: a pointer no value can hold is None (the niche,
            // here all ones, as address 0 is a real heap address), so there is no tag byte.
            for (let i = part.at; i < part.at + part.size; i++) info.get(i).field = 'niche';
            addNote(part.at, { text: `${part.name}: all ones = None (the niche: no pointer has this value, so no tag byte)`, hue, kind: 'field' });
          } else if (isSlice(part.ty)) {
            // A fat pointer: the pointer, then the length; the range it covers lights up.
            const ptr = pointers.get(part.at);
            const len = readUint(stack, part.at + pw, pw);
            const bytes = len * sliceElem(part.ty, pw);
            ['reference', 'length'].forEach((name, k) => {
              for (let i = part.at + k * pw; i < part.at + (k + 1) * pw; i++) {
                const rec = info.get(i);
                rec.field = name;
                rec.fieldStart = part.at + k * pw;
                rec.slice = bytes;
              }
            });
            const to = ptr?.region ? { ...ptr, ty: part.ty, bytes } : null;
            const range = ptr?.region ? `${ptr.region}[${ptr.target}..${ptr.target + bytes}]${dangling(ptr)}` : '??';
            if (stackInit[part.at]) {
              addNote(part.at, { text: `${part.name}${part.name ? '.' : ''}ptr → ${range}`, hue, kind: 'field', ptr: to });
              addNote(part.at + pw, { text: `${part.name}${part.name ? '.' : ''}len = ${len}${part.ty.endsWith('str') ? ' bytes' : ''}`, hue, kind: 'field' });
            }
          } else if (isRef(part.ty)) {
            const ptr = pointers.get(part.at);
            for (let i = part.at; i < part.at + part.size; i++) info.get(i).field = 'reference';
            const to = ptr?.region ? { ...ptr, ty: part.ty } : null;
            if (!whole) addNote(part.at, { text: `${part.name} → ${ptr?.region ? target(ptr) : '??'}${part.moved ? ' (moved out)' : ''}`, hue, kind: 'field', ptr: to });
            else if (ptr?.region) addNote(part.at, { text: `→ ${target(ptr)}`, hue, kind: 'field', ptr: to });
          } else if (!whole) {
            const val = scalarText(stack, stackInit, part);
            // Option's tag byte: 0 is None, 1 is Some.
            const tag = /(^|\.)tag$/.test(part.name) && val !== '??' ? (val === '0' ? ' (None)' : ' (Some)') : '';
            addNote(part.at, { text: `${part.name} = ${val}${tag} ${byteSpan(part.at - v.addr, part.size)}`, hue, kind: 'field' });
          }
        }
        // Runs of bytes no field covers: the padding, named so it reads as such.
        for (let i = v.addr; i < v.addr + v.size && !whole;) {
          if (!info.get(i).pad) { i++; continue; }
          let j = i;
          while (j < v.addr + v.size && info.get(j).pad) j++;
          addNote(i, { text: `padding ${byteSpan(i - v.addr, j - i)}`, hue, kind: 'field padnote' });
          i = j;
        }
      }
    });
    return { info, notes };
  }

  renderStack(changed) {
    const { meta, stack, stackInit } = this.state;
    const root = this.stackRoot;
    const { info, notes } = this.stackLayout();
    this.stackInfo = info;
    const top = meta.stack_extent;
    const wanted = new Set();
    const lastRow = Math.ceil(Math.max(top, meta.stack_length) / STACK_ROW);
    for (let r = 0; r < Math.max(lastRow, 1); r++) wanted.add(r);
    const plan = rowPlan(wanted, STACK_ROW, meta.stack_size);
    const isChanged = (i) => changed.some(([, a, b]) => i >= a && i < b);
    const frameAt = (i) => {
      let fi = -1;
      meta.frames.forEach((f, k) => { if (i >= f.base && i < Math.max(f.end, f.base + 1)) fi = k; });
      return fi;
    };
    const frag = document.createDocumentFragment();
    const header = el('div', 'region-head');
    header.append(el('span', 'region-name', 'stack_bytes'),
      el('span', 'region-info', `stack_length = ${meta.stack_length} of ${meta.stack_size.toLocaleString('en')} bytes`));
    frag.append(header);
    const frameStarts = new Map(meta.frames.map((f, k) => [f.base, k]));
    let slMarked = false;
    for (const p of plan) {
      if (p.gap) { frag.append(gapRow(p, 'stack')); continue; }
      const start = p.row * STACK_ROW;
      // A frame starts here: its band's label.
      for (let a = start; a < start + STACK_ROW; a++) {
        if (frameStarts.has(a) && a < meta.stack_length) {
          const k = frameStarts.get(a);
          const f = meta.frames[k];
          const h = el('div', `frame-head band${k % 2}`);
          h.append(el('span', 'fn', `${f.function}()`), el('span', 'fn-info', ` frame from stack[${f.base}], at line ${f.line}`));
          frag.append(h);
        }
      }
      const fi = frameAt(start);
      const row = el('div', `row${fi >= 0 ? ` band${fi % 2}` : start >= meta.stack_length ? ' above' : ''}`);
      row.append(el('span', 'addr', String(start)));
      const cells = el('span', 'cells');
      for (let i = start; i < start + STACK_ROW; i++) {
        const c = el('span', 'cell');
        c.dataset.r = 's';
        c.dataset.i = i;
        const rec = info.get(i);
        const used = i < meta.stack_length;
        if (!used) {
          c.classList.add('free');
        } else if (!rec) {
          c.classList.add('pad');
        } else if (rec.role === 'ret') {
          c.classList.add('ret');
        } else {
          c.classList.add('var');
          c.style.setProperty('--h', rec.hue);
          if (i === rec.start) c.classList.add('first');
          if (i === rec.start + rec.size - 1) c.classList.add('last');
          if (rec.field === 'pointer' || rec.field === 'reference') c.classList.add('ptr');
          if (rec.field === 'length' && rec.slice !== undefined) c.classList.add('slen');
          if (rec.pad) c.classList.add('vpad');
          else if (rec.part && rec.part.name && i === rec.part.at && i !== rec.start) c.classList.add('fstart');
          if (rec.v.moved || rec.part?.moved) c.classList.add('moved');
          if (rec.v.hidden) c.classList.add('kept');
        }
        this.markCell(c, 'stack', i);
        if (used && rec?.pad && !stackInit[i]) {
          // Padding is never written: drawn as a gap, not as a value waiting to be written.
          c.textContent = '··';
        } else if (used && !stackInit[i]) {
          c.classList.add('uninit');
          c.textContent = '??';
        } else {
          c.textContent = formatByte(stack[i] ?? 0, this.format);
        }
        if (isChanged(i)) c.classList.add('changed');
        if (i === meta.stack_length && i > 0) c.classList.add('sl-edge');
        cells.append(c);
      }
      row.append(cells);
      const noteBox = el('span', 'notes');
      // In address order (a stable sort keeps each variable's name before its first field).
      for (const n of (notes.get(p.row) || []).sort((a, b) => a.addr - b.addr)) {
        const chip = el('span', `note ${n.kind}`, n.text);
        if (n.tag) chip.append(el('span', 'tag', n.tag));
        if (n.hue !== undefined) chip.style.setProperty('--h', n.hue);
        if (n.ptr) {
          chip.dataset.pr = n.ptr.region;
          chip.dataset.pt = n.ptr.target;
          if (n.ptr.ty) chip.dataset.pty = n.ptr.ty;
          if (n.ptr.bytes !== undefined) chip.dataset.pb = n.ptr.bytes;
        }
        noteBox.append(chip);
      }
      for (const m of this.markNotes('stack', start, start + STACK_ROW)) noteBox.append(m);
      row.append(noteBox);
      frag.append(row);
      const rowEnd = start + STACK_ROW;
      if (!slMarked && meta.stack_length <= rowEnd && meta.stack_length >= start) {
        slMarked = true;
        frag.append(el('div', 'sl-marker', `▲ stack_length = ${meta.stack_length}: bytes above are free`));
      }
    }
    root.replaceChildren(frag);
    // Keep the top of the stack in sight (after this frame, so no layout is forced now).
    const marker = root.querySelector('.sl-marker');
    if (marker) {
      requestAnimationFrame(() => {
        const box = root.closest('.memory');
        const m = marker.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        if (m.top < b.top || m.bottom > b.bottom) box.scrollTop += m.top - b.top - b.height / 2;
      });
    }
  }

  renderHeap(changed) {
    const { meta, heap, heapInit } = this.state;
    const root = this.heapRoot;
    // Blocks covering each byte: usually one, two when an unchecked double free handed the
    // same bytes to two owners.
    const blockAt = new Map();
    meta.blocks.forEach((b, k) => {
      for (let i = b.addr; i < b.addr + b.size; i++) {
        if (!blockAt.has(i)) blockAt.set(i, []);
        blockAt.get(i).push(k);
      }
    });
    this.blockAt = blockAt;
    // The fields of the values Boxes hold, by byte, and the pointers among them.
    const heapPtrs = new Map((meta.heap_pointers || []).map((p) => [p.at, p]));
    this.heapPointers = heapPtrs;
    const fieldAt = new Map();
    meta.blocks.forEach((b, k) => {
      if (b.state !== 'live') return;
      for (const f of b.fields || []) {
        const at = b.addr + f.offset;
        const ptr = heapPtrs.get(at);
        const part = { name: `.${f.name}`, ty: f.ty, at, size: f.size, block: k, ptr };
        for (let i = at; i < at + f.size; i++) fieldAt.set(i, part);
      }
    });
    this.heapFields = fieldAt;
    const leaked = (b) => b.state === 'live' && this.leaked.has(`${b.addr}:${b.alloc_step}`);
    // Blocks holding text: the literals' block, and each String's buffer up to its length.
    const textEnd = new Map();
    meta.blocks.forEach((b, k) => { if (b.read_only) textEnd.set(k, b.addr + b.size); });
    for (const p of meta.pointers || []) {
      if (p.kind !== 'string' || p.region !== 'heap') continue;
      const k = (blockAt.get(p.target) || []).find((x) => meta.blocks[x].state === 'live');
      if (k === undefined) continue;
      const end = p.target + readUint(this.state.stack, p.at + this.ptrBytes, this.ptrBytes);
      textEnd.set(k, Math.max(textEnd.get(k) ?? 0, Math.min(end, meta.blocks[k].addr + meta.blocks[k].size)));
    }
    // Strings kept in the heap: the elements of a Vec<String>, the String in a Box<String>.
    const pw = this.ptrBytes;
    for (const p of meta.pointers || []) {
      const ty = this.stackInfo?.get(p.at)?.part?.ty;
      if (p.region !== 'heap' || (ty !== 'Vec<String>' && ty !== 'Box<String>')) continue;
      const count = ty === 'Box<String>' ? 1 : readUint(this.state.stack, p.at + pw, pw);
      for (let e = 0; e < Math.min(count, 256); e++) {
        const a = p.target + e * 3 * pw;
        if (!heapInit[a] || !heapInit[a + 3 * pw - 1]) continue;
        const [ptr, len, cap] = [0, 1, 2].map((f) => readUint(heap, a + f * pw, pw));
        const k = cap > 0 ? (blockAt.get(ptr) || []).find((x) => meta.blocks[x].state === 'live') : undefined;
        if (k === undefined) continue;
        const end = Math.min(ptr + len, meta.blocks[k].addr + meta.blocks[k].size);
        textEnd.set(k, Math.max(textEnd.get(k) ?? 0, end));
      }
    }
    // Strings inside the values Boxes hold.
    for (const p of meta.heap_pointers || []) {
      if (p.kind !== 'string' || p.region !== 'heap') continue;
      const k = (blockAt.get(p.target) || []).find((x) => meta.blocks[x].state === 'live');
      if (k === undefined) continue;
      const end = Math.min(p.target + readUint(heap, p.at + pw, pw), meta.blocks[k].addr + meta.blocks[k].size);
      textEnd.set(k, Math.max(textEnd.get(k) ?? 0, end));
    }
    const text = new Map();
    const blockText = new Map();
    for (const [k, end] of textEnd) {
      const b = meta.blocks[k];
      const d = decodeUtf8(heap, heapInit, b.addr, end);
      for (const [i, x] of d) text.set(i, x);
      blockText.set(k, textOf(d, b.addr, end));
    }
    this.text = text;
    const wanted = new Set();
    for (const b of meta.blocks) {
      for (let r = Math.floor(b.addr / HEAP_ROW); r * HEAP_ROW < b.addr + Math.max(b.size, 1); r++) wanted.add(r);
    }
    for (const m of this.marks || []) {
      if (m.region !== 'heap') continue;
      for (let r = Math.floor(m.from / HEAP_ROW); r * HEAP_ROW < Math.max(m.to, m.from + 1); r++) wanted.add(r);
    }
    const isChanged = (i) => changed.some(([, a, b]) => i >= a && i < b);
    const frag = document.createDocumentFragment();
    const header = el('div', 'region-head');
    const live = meta.blocks.filter((b) => b.state === 'live');
    const liveBytes = live.reduce((s, b) => s + b.size, 0);
    header.append(el('span', 'region-name', 'heap_bytes'),
      el('span', 'region-info', `${live.length} live block${live.length === 1 ? '' : 's'}, ${liveBytes} bytes in use of ${meta.heap_size.toLocaleString('en')}`));
    frag.append(header);
    if (wanted.size === 0) {
      frag.append(el('div', 'gap', 'Nothing allocated yet: the heap is untouched.'));
      root.replaceChildren(frag);
      return;
    }
    const starts = new Map();
    meta.blocks.forEach((b, k) => {
      if (!starts.has(b.addr)) starts.set(b.addr, []);
      starts.get(b.addr).push(k);
    });
    for (const p of rowPlan(wanted, HEAP_ROW, meta.heap_size)) {
      if (p.gap) { frag.append(gapRow(p, 'heap')); continue; }
      const start = p.row * HEAP_ROW;
      const row = el('div', 'row');
      row.append(el('span', 'addr', String(start)));
      const cells = el('span', 'cells');
      const noteBox = el('span', 'notes');
      for (let i = start; i < start + HEAP_ROW; i++) {
        const c = el('span', 'cell');
        c.dataset.r = 'h';
        c.dataset.i = i;
        const ks = blockAt.get(i);
        if (ks === undefined) {
          c.classList.add('free');
          c.textContent = formatByte(heap[i] ?? 0, this.format);
        } else {
          // A live owner wins over a freed one for the colour; two live owners share.
          const liveKs = ks.filter((k) => meta.blocks[k].state === 'live');
          const k = liveKs[0] ?? ks[0];
          const b = meta.blocks[k];
          c.classList.add('block', b.state);
          c.style.setProperty('--h', hueOf(ownerName(b.label)));
          if (liveKs.length > 1) {
            c.classList.add('shared');
            c.style.setProperty('--h2', hueOf(ownerName(meta.blocks[liveKs[1]].label)));
          }
          if (leaked(b)) c.classList.add('leaked');
          c.dataset.b = k;
          if (i === b.addr) c.classList.add('first');
          if (i === b.addr + b.size - 1) c.classList.add('last');
          if (b.read_only) c.classList.add('ro');
          const hf = fieldAt.get(i);
          if (hf && hf.ptr) c.classList.add('ptr');
          if (hf && i === hf.at && i !== b.addr) c.classList.add('fstart');
          // Bytes no field of the value covers: its padding, never written.
          const pad = b.state === 'live' && b.fields?.length > 0 && !hf;
          if (pad) c.classList.add('vpad');
          const t = b.state === 'live' ? text.get(i) : undefined;
          if (pad && !heapInit[i]) {
            c.textContent = '··';
          } else if (b.state === 'live' && !heapInit[i]) {
            c.classList.add('uninit');
            c.textContent = '??';
          } else if (t) {
            // A character under the byte value; the bytes after a sequence's first are tied to it.
            c.classList.add('text');
            if (t.k > 0) c.classList.add('cont');
            if (t.k < t.n - 1) c.classList.add('more');
            const g = t.k === 0 ? glyph(t.ch) : '';
            c.dataset.ch = g;
            c.textContent = this.format === 'char' ? g : formatByte(heap[i] ?? 0, this.format);
          } else {
            c.textContent = formatByte(heap[i] ?? 0, this.format);
          }
        }
        if (isChanged(i)) c.classList.add('changed');
        this.markCell(c, 'heap', i);
        cells.append(c);
        for (const k of starts.get(i) || []) {
          const b = meta.blocks[k];
          const isLeak = leaked(b);
          const chip = el('span', `note block-note ${b.state}${isLeak ? ' leaked' : ''}`,
            isLeak
              ? `LEAKED ${b.label}: ${b.size} B at heap[${b.addr}], allocated at step ${(b.alloc_step + 1).toLocaleString('en')} (line ${b.alloc_line}), never freed`
              : b.read_only
                ? `${b.label}: ${b.size} B at heap[${b.addr}]`
                : b.state === 'live'
                ? `${b.label}: ${b.size} B at heap[${b.addr}], live since step ${(b.alloc_step + 1).toLocaleString('en')}`
                : `FREED ${b.label}: ${b.size} B at heap[${b.addr}], freed at step ${(b.free_step + 1).toLocaleString('en')} (line ${b.free_line})`);
          chip.style.setProperty('--h', hueOf(ownerName(b.label)));
          chip.dataset.b = k;
          if (b.read_only) {
            chip.classList.add('ro');
            chip.prepend(el('span', 'tag ro-tag', 'READ-ONLY'), ' ');
            chip.append(' — part of the program: never written, never freed');
          }
          if (blockText.has(k) && b.state === 'live') {
            chip.append(el('span', 'block-text', ` text: ${JSON.stringify(blockText.get(k))}`));
          }
          if (b.state === 'live' && b.holds) chip.append(el('span', 'block-holds', ` holds a ${b.holds}`));
          noteBox.append(chip);
          if (b.state === 'live') {
            for (const f of b.fields || []) noteBox.append(this.heapFieldNote(b, f, hueOf(ownerName(b.label))));
          }
        }
        const sharing = (starts.get(i) || []).filter((k) => meta.blocks[k].state === 'live');
        if (sharing.length > 1) {
          noteBox.append(el('span', 'note shared-note',
            `⚠ the same bytes belong to ${sharing.map((k) => meta.blocks[k].label).join(' and ')}`));
        }
      }
      for (const m of this.markNotes('heap', start, start + HEAP_ROW)) noteBox.append(m);
      // Labels of the blocks that start in this row go on a line of their own above it.
      if (noteBox.childElementCount) {
        noteBox.className = 'notes block-heads';
        frag.append(noteBox);
      }
      row.append(cells);
      frag.append(row);
    }
    root.replaceChildren(frag);
  }

  /** A note for one field of a value a Box holds: its value, or where its pointer goes. */
  heapFieldNote(b, f, hue) {
    const { heap, heapInit } = this.state;
    const pw = this.ptrBytes;
    const at = b.addr + f.offset;
    const name = `.${f.name}`;
    const ptr = this.heapPointers.get(at);
    let text;
    let to = null;
    if (ptr && (ptr.kind === 'vec' || ptr.kind === 'string')) {
      text = `${name}.ptr → ${ptr.region ? `heap[${ptr.target}]` : 'no allocation'}, len ${readUint(heap, at + pw, pw)}`;
      if (ptr.region) to = { ...ptr, ty: f.ty };
    } else if (ptr) {
      if (!ptr.region && heapInit[at]) {
        text = `${name}: all ones = None (the niche)`;
      } else {
        text = `${name} → ${ptr.region ? `${ptr.region}[${ptr.target}]` : '??'}`;
        if (ptr.region) to = { ...ptr, ty: f.ty };
      }
    } else if (/^(i|u)(8|16|32|64|128|size)$|^bool$/.test(f.ty)) {
      text = `${name} = ${scalarText(heap, heapInit, { ty: f.ty, at, size: f.size })}`;
    } else {
      text = `${name}: ${f.ty}`;
    }
    const chip = el('span', 'note field heap-field', text);
    chip.style.setProperty('--h', hue);
    if (to) {
      chip.dataset.pr = to.region;
      chip.dataset.pt = to.target;
      chip.dataset.pty = to.ty;
    }
    return chip;
  }

  /** Marks from a memory-error report on one cell: the bytes accessed, the block concerned. */
  markCell(c, region, i) {
    for (const m of this.marks || []) {
      if (m.region !== region || i < m.from || i >= m.to) continue;
      if (m.kind === 'access') c.classList.add('accessed');
      else {
        c.classList.add('report-block');
        if (i === m.from) c.classList.add('rb-first');
        if (i === m.to - 1) c.classList.add('rb-last');
      }
    }
  }

  /** The labels of the report's marks that start in `[from, to)` of `region`. */
  markNotes(region, from, to) {
    return (this.marks || [])
      .filter((m) => m.region === region && m.from >= from && m.from < to && m.text)
      .map((m) => el('span', `note mark-note ${m.kind}`, m.text));
  }

  /** What one cell is, in words. */
  describe(region, i) {
    const { meta, stack, heap, stackInit, heapInit } = this.state;
    const bytes = region === 's' ? stack : heap;
    const name = region === 's' ? 'stack' : 'heap';
    const b = bytes[i] ?? 0;
    const lines = [`${name}[${i}] = 0x${b.toString(16).padStart(2, '0')} (${b})`];
    if (region === 's') {
      const rec = this.stackInfo.get(i);
      if (i >= meta.stack_length) lines.push('free: above stack_length (an old value, if any)');
      else if (!rec) {
        const f = meta.frames.filter((fr) => i >= fr.base).pop();
        lines.push(`padding or scratch bytes${f ? ` in the frame of ${f.function}()` : ''}`);
      }
      else if (rec.role === 'ret') lines.push(`${rec.what}, byte ${i - rec.start} of ${rec.size}`);
      else {
        const f = meta.frames[rec.frame];
        lines.push(`${rec.v.name}: ${rec.v.ty} in ${f.function}(), byte ${i - rec.start} of ${rec.size}`);
        if (rec.v.hidden) lines.push(hiddenMeaning(rec.v.name));
        if (rec.v.moved) lines.push('moved out: the bytes stay, but the variable may no longer be used');
        else if (rec.part?.moved) lines.push(`${rec.v.name}${rec.part.name} was moved out (a partial move): its bytes stay, the other fields are still usable`);
        if (rec.pad) lines.push(`padding inside ${rec.v.name}: no field covers this byte, so it is never written`);
        else if (rec.part && rec.part.name) lines.push(`field ${rec.v.name}${rec.part.name}: ${rec.part.ty}, ${rec.part.size} B at offset ${rec.part.at - rec.start}`);
        const ptr = rec.part && this.pointers.get(rec.part.at);
        if (rec.field === 'pointer' || rec.field === 'reference') {
          const where = ptr?.region ? `${ptr.region}[${ptr.target}]` : 'no allocation';
          lines.push(rec.field === 'pointer' ? `its pointer field: ${where}`
            : rec.slice !== undefined ? `its pointer: ${where}, covering ${rec.slice} bytes from there`
              : rec.part.ty.startsWith('Box<') ? `a Box: owns the heap block at ${where}` : `a reference to ${where}`);
        } else if (rec.field === 'niche') {
          lines.push('the niche: no pointer has this value, so Option uses it for None and needs no tag byte');
        } else if (rec.field) {
          lines.push(`its ${rec.field} field: ${readUint(stack, rec.fieldStart, this.ptrBytes)}`);
        } else if (!rec.pad && !(rec.part && rec.part.name)) {
          lines.push(`value ${rec.v.value}`);
        }
      }
      if (i < meta.stack_length && !stackInit[i]) lines.push('uninitialised: reserved but not written yet');
    } else {
      const ks = this.blockAt.get(i);
      if (ks === undefined) lines.push('not in any block');
      const t = this.text?.get(i);
      if (t && ks) {
        lines.push(t.n === 1
          ? `UTF-8: the character '${t.ch}' (${codePoint(t.ch)}), one byte`
          : `UTF-8: byte ${t.k + 1} of the ${t.n} bytes of '${t.ch}' (${codePoint(t.ch)})`);
      }
      for (const k of ks || []) {
        const bl = meta.blocks[k];
        const off = i - bl.addr;
        const el = bl.align || 1;
        lines.push(`${bl.label}, byte ${off} of ${bl.size} (element ${Math.floor(off / el)})`);
        const hf = this.heapFields?.get(i);
        if (hf && hf.block === k) {
          lines.push(`field ${bl.holds}${hf.name}: ${hf.ty}, ${hf.size} B at offset ${hf.at - bl.addr}`);
          if (hf.ptr?.region) lines.push(`a pointer to ${hf.ptr.region}[${hf.ptr.target}]`);
          else if (hf.ptr && heapInit[hf.at]) lines.push('all ones: None (the niche: no pointer has this value, so Option needs no tag byte)');
        } else if (bl.holds && bl.state === 'live') {
          lines.push(bl.fields?.length ? `padding inside the ${bl.holds}: no field covers this byte` : `the ${bl.holds} the Box holds`);
        }
        lines.push(bl.state === 'live'
          ? `live: allocated at step ${(bl.alloc_step + 1).toLocaleString('en')}, line ${bl.alloc_line}${this.leaked.has(`${bl.addr}:${bl.alloc_step}`) ? '; LEAKED: never freed' : ''}`
          : `FREED at step ${(bl.free_step + 1).toLocaleString('en')}, line ${bl.free_line}; the bytes stay until reused`);
        if (bl.state === 'live' && !heapInit[i]) lines.push('uninitialised: allocated but not written yet');
        if (bl.read_only) lines.push('read-only: string literals are part of the program; nothing may write here');
      }
      if (ks && ks.filter((k) => meta.blocks[k].state === 'live').length > 1) {
        lines.push('two live blocks share this byte: a write through one owner changes the other');
      }
    }
    const region2 = region === 's' ? 'stack' : 'heap';
    for (const m of this.marks || []) {
      if (m.region === region2 && i >= m.from && i < m.to && m.tip) lines.push(m.tip);
    }
    return lines.join('\n');
  }

  hover(ev) {
    const t = ev.target;
    this.unhover();
    if (!this.state) return;
    let ptr = null;
    let blockIdx = null;
    if (t.classList.contains('cell')) {
      const region = t.dataset.r;
      const i = Number(t.dataset.i);
      this.tooltip.textContent = this.describe(region, i);
      const r = t.getBoundingClientRect();
      this.tooltip.style.left = `${Math.min(r.left, window.innerWidth - 320)}px`;
      this.tooltip.style.top = `${r.bottom + 6}px`;
      this.tooltip.hidden = false;
      if (region === 's') {
        const rec = this.stackInfo.get(i);
        if ((rec?.field === 'pointer' || rec?.field === 'reference' || rec?.slice !== undefined) && rec.part) {
          const p = this.pointers.get(rec.part.at);
          if (p?.region) ptr = { ...p, ty: rec.part.ty, bytes: rec.slice };
          if (ptr) this.lightStack(rec.part.at, rec.part.at + (rec.field === 'pointer' ? this.ptrBytes : rec.part.size));
        }
      } else {
        // A pointer inside a value a Box holds (a node's `next`): what it points to.
        const hf = this.heapFields?.get(i);
        if (hf?.ptr?.region) ptr = { ...hf.ptr, ty: hf.ty };
        else if (t.dataset.b !== undefined) blockIdx = Number(t.dataset.b);
      }
    } else if (t.dataset?.pr !== undefined) {
      ptr = { region: t.dataset.pr, target: Number(t.dataset.pt), ty: t.dataset.pty, bytes: t.dataset.pb === undefined ? undefined : Number(t.dataset.pb) };
    } else if (t.dataset?.b !== undefined) {
      blockIdx = Number(t.dataset.b);
    }
    if (ptr?.bytes !== undefined) {
      // A slice: only the range it covers.
      const to = ptr.target + Math.max(ptr.bytes, 1);
      if (ptr.region === 'heap') this.lightHeap(ptr.target, to);
      else this.lightStack(ptr.target, to);
    } else if (ptr?.region === 'heap') {
      const ks = this.blockAt.get(ptr.target);
      if (ks) blockIdx = ks.find((k) => this.state.meta.blocks[k].state === 'live') ?? ks[0];
      if (blockIdx === null) this.lightHeap(ptr.target, ptr.target + 1);
    } else if (ptr?.region === 'stack') {
      const [from, to] = this.pointee(ptr.target, ptr.ty);
      this.lightStack(from, to);
    }
    if (blockIdx !== null) this.link(blockIdx);
  }

  /**
   * The stack bytes a reference of type `refTy` (`&T`) at `target` points at: `T`'s size
   * for integers, `bool` and pointers; the whole variable when `T` is its type; else the
   * struct, tuple or array field that starts there (`&line.end` covers `end.x` and `end.y`).
   */
  pointee(target, refTy) {
    const rec = this.stackInfo.get(target);
    const t = (refTy || '').replace(/^&(mut )?/, '');
    const pw = this.ptrBytes;
    const scalar = sizeOf(t, pw);
    if (scalar !== undefined) return [target, target + scalar];
    if (!rec || rec.role !== 'var') return [target, target + 1];
    if (rec.start === target && rec.v.ty === t) return [rec.start, rec.start + rec.size];
    const first = rec.part?.name || '';
    const cut = Math.max(first.lastIndexOf('.'), first.lastIndexOf('['));
    if (cut <= 0) return rec.part ? [rec.part.at, rec.part.at + rec.part.size] : [target, target + 1];
    const prefix = first.slice(0, cut);
    const parts = (rec.v.fields || []).filter((f) => {
      const name = f.name.startsWith('[') ? f.name : `.${f.name}`;
      return name.startsWith(prefix) && /^[.[]/.test(name.slice(prefix.length));
    });
    const lo = Math.min(...parts.map((f) => rec.start + f.offset));
    const hi = Math.max(...parts.map((f) => rec.start + f.offset + f.size));
    return parts.length ? [lo, hi] : [target, target + 1];
  }

  lightStack(from, to) {
    for (let i = from; i < to; i++) {
      const c = this.stackRoot.querySelector(`.cell[data-i="${i}"]`);
      if (c) { c.classList.add('linked'); this.linked.push(c); }
    }
  }

  lightHeap(from, to) {
    for (let i = from; i < to; i++) {
      const c = this.heapRoot.querySelector(`.cell[data-i="${i}"]`);
      if (c) { c.classList.add('linked'); this.linked.push(c); }
    }
  }

  /** Lights up a heap block and the stack pointers that point into it. */
  link(k) {
    const b = this.state.meta.blocks[k];
    for (const c of this.heapRoot.querySelectorAll(`.cell[data-b="${k}"]`)) {
      c.classList.add('linked');
      this.linked.push(c);
    }
    if (b.state !== 'live') return;
    for (const p of this.pointers.values()) {
      if (p.region !== 'heap' || p.target < b.addr || p.target >= b.addr + Math.max(b.size, 1)) continue;
      const rec = this.stackInfo.get(p.at);
      this.lightStack(p.at, p.at + (rec?.field === 'pointer' ? this.ptrBytes : rec?.part?.size ?? this.ptrBytes));
    }
    for (const p of (this.heapPointers || new Map()).values()) {
      if (p.region !== 'heap' || p.target < b.addr || p.target >= b.addr + Math.max(b.size, 1)) continue;
      this.lightHeap(p.at, p.at + this.ptrBytes);
    }
  }

  unhover() {
    this.tooltip.hidden = true;
    for (const c of this.linked || []) c.classList.remove('linked');
    this.linked = [];
  }
}
