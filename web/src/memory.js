// The memory view: `stack_bytes` and `heap_bytes` as grids of byte cells. Stack frames are
// labelled bands; each variable's bytes are grouped, coloured and labelled; return slots,
// padding, uninitialised and free bytes look different; heap blocks are coloured by owner
// and freed ones hatched; bytes the last step changed are outlined; hovering a Vec's pointer
// lights up its block; rows nobody touched are collapsed. All text goes in as text.

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

/** The variable name in an owner label such as "`years`' buffer". */
export function ownerName(label) {
  const m = /`([^`]+)`/.exec(label || '');
  return m ? m[1] : label || '';
}

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

export function formatByte(b, format) {
  if (format === 'dec') return String(b);
  if (format === 'char') return b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : b === 0x20 ? '␠' : '·';
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

  /** Facts about each stack byte in use: owner, role, label. */
  stackLayout() {
    const { meta } = this.state;
    const info = new Map();
    const notes = new Map(); // row -> [{text, hue, kind}]
    const addNote = (addr, note) => {
      const r = Math.floor(addr / STACK_ROW);
      if (!notes.has(r)) notes.set(r, []);
      notes.get(r).push(note);
    };
    const pw = this.ptrBytes;
    meta.frames.forEach((f, fi) => {
      if (f.return_slot) {
        const [a, size] = f.return_slot;
        for (let i = a; i < a + size; i++) info.set(i, { role: 'ret', frame: fi, what: `return slot for ${f.function}()`, start: a, size });
        addNote(a, { text: `return slot of ${f.function}() · ${size} B`, kind: 'ret' });
      }
      for (const v of f.variables) {
        // A variable whose bytes were given back (its scope ended) is no longer drawn.
        if (v.addr >= meta.stack_length) continue;
        const hue = hueOf(v.name);
        const isVec = v.ty.startsWith('Vec<');
        for (let i = v.addr; i < v.addr + v.size; i++) {
          const rec = { role: 'var', frame: fi, v, hue, start: v.addr, size: v.size };
          if (isVec) {
            const field = Math.floor((i - v.addr) / pw);
            rec.field = ['pointer', 'length', 'capacity'][field];
            rec.fieldStart = v.addr + field * pw;
          }
          info.set(i, rec);
        }
        if (isVec && v.value !== 'uninit') {
          const stack = this.state.stack;
          const ptr = readUint(stack, v.addr, pw);
          const len = readUint(stack, v.addr + pw, pw);
          const cap = readUint(stack, v.addr + 2 * pw, pw);
          addNote(v.addr, { text: `${v.name}: ${v.ty} = ${v.value}`, hue, kind: 'var' });
          addNote(v.addr, { text: `.ptr → ${cap === 0 ? 'no allocation' : `heap[${ptr}]`}`, hue, kind: 'field', ptr: cap === 0 ? null : ptr });
          addNote(v.addr + pw, { text: `.len = ${len}`, hue, kind: 'field' });
          addNote(v.addr + 2 * pw, { text: `.cap = ${cap}`, hue, kind: 'field' });
        } else {
          addNote(v.addr, { text: `${v.name}: ${v.ty} = ${v.value}`, hue, kind: 'var' });
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
          if (rec.field === 'pointer') c.classList.add('ptr');
        }
        if (used && !stackInit[i]) {
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
      for (const n of notes.get(p.row) || []) {
        const chip = el('span', `note ${n.kind}`, n.text);
        if (n.hue !== undefined) chip.style.setProperty('--h', n.hue);
        if (n.ptr !== undefined && n.ptr !== null) chip.dataset.ptr = n.ptr;
        noteBox.append(chip);
      }
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
    const blockAt = new Map();
    meta.blocks.forEach((b, k) => { for (let i = b.addr; i < b.addr + b.size; i++) blockAt.set(i, k); });
    this.blockAt = blockAt;
    const wanted = new Set();
    for (const b of meta.blocks) {
      for (let r = Math.floor(b.addr / HEAP_ROW); r * HEAP_ROW < b.addr + Math.max(b.size, 1); r++) wanted.add(r);
    }
    const isChanged = (i) => changed.some(([, a, b]) => i >= a && i < b);
    const frag = document.createDocumentFragment();
    const header = el('div', 'region-head');
    const live = meta.blocks.filter((b) => b.state === 'live');
    const liveBytes = live.reduce((s, b) => s + b.size, 0);
    header.append(el('span', 'region-name', 'heap_bytes'),
      el('span', 'region-info', `${live.length} live block${live.length === 1 ? '' : 's'}, ${liveBytes} bytes in use of ${meta.heap_size.toLocaleString('en')}`));
    frag.append(header);
    if (meta.blocks.length === 0) {
      frag.append(el('div', 'gap', 'Nothing allocated yet: the heap is untouched.'));
      root.replaceChildren(frag);
      return;
    }
    const starts = new Map(meta.blocks.map((b, k) => [b.addr, k]));
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
        const k = blockAt.get(i);
        if (k === undefined) {
          c.classList.add('free');
          c.textContent = formatByte(heap[i] ?? 0, this.format);
        } else {
          const b = meta.blocks[k];
          c.classList.add('block', b.state);
          c.style.setProperty('--h', hueOf(ownerName(b.label)));
          c.dataset.b = k;
          if (i === b.addr) c.classList.add('first');
          if (i === b.addr + b.size - 1) c.classList.add('last');
          if (b.state === 'live' && !heapInit[i]) {
            c.classList.add('uninit');
            c.textContent = '??';
          } else {
            c.textContent = formatByte(heap[i] ?? 0, this.format);
          }
        }
        if (isChanged(i)) c.classList.add('changed');
        cells.append(c);
        if (starts.has(i)) {
          const b = meta.blocks[starts.get(i)];
          const chip = el('span', `note block-note ${b.state}`,
            b.state === 'live'
              ? `${b.label}: ${b.size} B at heap[${b.addr}], live since step ${b.alloc_step}`
              : `FREED ${b.label}: ${b.size} B at heap[${b.addr}], freed at step ${b.free_step} (line ${b.free_line})`);
          chip.style.setProperty('--h', hueOf(ownerName(b.label)));
          chip.dataset.b = starts.get(i);
          noteBox.append(chip);
        }
      }
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
        if (rec.field) {
          const val = readUint(stack, rec.fieldStart, this.ptrBytes);
          lines.push(rec.field === 'pointer' ? `its pointer field: heap[${val}]` : `its ${rec.field} field: ${val}`);
        } else {
          lines.push(`value ${rec.v.value}`);
        }
      }
      if (i < meta.stack_length && !stackInit[i]) lines.push('uninitialised: reserved but not written yet');
    } else {
      const k = this.blockAt.get(i);
      if (k === undefined) lines.push('not in any block');
      else {
        const bl = meta.blocks[k];
        const off = i - bl.addr;
        const el = bl.align || 1;
        lines.push(`${bl.label}, byte ${off} of ${bl.size} (element ${Math.floor(off / el)})`);
        lines.push(bl.state === 'live'
          ? `live: allocated at step ${bl.alloc_step}, line ${bl.alloc_line}`
          : `FREED at step ${bl.free_step}, line ${bl.free_line}; the bytes stay until reused`);
        if (bl.state === 'live' && !heapInit[i]) lines.push('uninitialised: allocated but not written yet');
      }
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
        if (rec?.field && rec.v.value !== 'uninit') {
          const cap = readUint(this.state.stack, rec.start + 2 * this.ptrBytes, this.ptrBytes);
          if (cap > 0) ptr = readUint(this.state.stack, rec.start, this.ptrBytes);
        }
      } else if (t.dataset.b !== undefined) blockIdx = Number(t.dataset.b);
    } else if (t.dataset?.ptr !== undefined) {
      ptr = Number(t.dataset.ptr);
    } else if (t.dataset?.b !== undefined) {
      blockIdx = Number(t.dataset.b);
    }
    if (ptr !== null) {
      const k = this.blockAt.get(ptr);
      if (k !== undefined) blockIdx = k;
    }
    if (blockIdx !== null) this.link(blockIdx);
  }

  /** Lights up a heap block and the stack pointer fields that point at it. */
  link(k) {
    const b = this.state.meta.blocks[k];
    this.linked = [];
    for (const c of this.heapRoot.querySelectorAll(`.cell[data-b="${k}"]`)) {
      c.classList.add('linked');
      this.linked.push(c);
    }
    for (const [i, rec] of this.stackInfo) {
      if (rec.field !== 'pointer' || rec.v.value === 'uninit') continue;
      const ptr = readUint(this.state.stack, rec.fieldStart, this.ptrBytes);
      if (ptr === b.addr && b.state === 'live') {
        const c = this.stackRoot.querySelector(`.cell[data-i="${i}"]`);
        if (c) { c.classList.add('linked'); this.linked.push(c); }
      }
    }
  }

  unhover() {
    this.tooltip.hidden = true;
    for (const c of this.linked || []) c.classList.remove('linked');
    this.linked = [];
  }
}
