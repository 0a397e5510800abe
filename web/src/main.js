// The playground page: wires the editor, the engine worker, the controls, the memory view,
// the side panels, settings, autosave, share links and the embed view together.
import { Editor } from './editor.js';
import { Engine } from './engine.js';
import { MemoryView, hueOf, ownerName } from './memory.js';
import { explain } from './explain.js';
import { encodeShare, decodeShare } from './share.js';

const $ = (id) => document.getElementById(id);
const embed = document.body.dataset.mode === 'embed';
const query = new URLSearchParams(location.search);
const STORAGE_KEY = 'stackheap:v1';
const EMPTY_PROGRAM = 'fn main() {\n    \n}\n';
const timing = (window.__stackheapTiming = { steps: [], stepParts: [], edits: [] });

const engine = new Engine(new URL('worker.js', import.meta.url));
const memory = new MemoryView($('stack-view'), $('heap-view'), $('tooltip'));

let lessons = [];
let settings = {}; // engine overrides, plus `format`
let run = null; // the last run that compiled: {runId, stepCount, lines, depths, settings, ...}
let runCounter = 0;
let position = 0; // how many steps have run in the state shown
let breakpoints = new Set();
let playTimer = null;
let source = '';

function notice(text) {
  const n = $('notice');
  n.textContent = text;
  n.hidden = !text;
}

function status(text, kind = '') {
  const s = $('status');
  s.textContent = text;
  s.className = kind;
}

// ---------------------------------------------------------------- program and settings

function initialProgram() {
  const shared = decodeShare(location.hash.slice(1));
  if (shared && shared.error) {
    notice(`${shared.error} You have an empty program instead.`);
    return { program: EMPTY_PROGRAM, settings: {}, step: 0 };
  }
  if (shared) return shared;
  if (!embed) {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (saved && typeof saved.program === 'string') {
        return { program: saved.program, settings: saved.settings || {}, step: saved.step || 0 };
      }
    } catch {
      // A broken autosave is ignored.
    }
  }
  return null;
}

let saveTimer = null;
function autosave() {
  if (embed) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ program: editor.text, settings, step: position }));
    } catch {
      // Storage may be full or blocked; the page works without it.
    }
  }, 300);
}

function overrides() {
  const o = { ...settings };
  delete o.format;
  return o;
}

const SETTING_FIELDS = {
  'set-stack': ['stack_size', Number],
  'set-heap': ['heap_size', Number],
  'set-ptr': ['ptr_width', String],
  'set-alloc': ['allocator', String],
  'set-steps': ['max_steps', Number],
  'set-mode': ['mode', String],
  'set-checks': ['checks', String],
  'set-leaks': ['deny_leaks', (v) => v === 'true'],
};

/** How the effective value of each setting reads after "from the program". */
const EFFECTIVE = {
  stack_size: (v) => `${v.toLocaleString('en')} bytes`,
  heap_size: (v) => `${v.toLocaleString('en')} bytes`,
  ptr_width: (v) => `${v}-bit`,
  allocator: (v) => v,
  max_steps: (v) => v.toLocaleString('en'),
  mode: (v) => (v === 'manual' ? 'manual' : 'Rust'),
  checks: (v) => v,
  deny_leaks: (v) => (v ? 'deny leaks' : 'leaks warn'),
};

/** Shows the settings the last run used beside "from the program" in each menu. */
function showEffectiveSettings(used) {
  for (const [id, [key]] of Object.entries(SETTING_FIELDS)) {
    const first = $(id).querySelector('option[value=""]');
    if (first && used && used[key] !== undefined) first.textContent = `from the program: ${EFFECTIVE[key](used[key])}`;
  }
}

function showSettings() {
  for (const [id, [key]] of Object.entries(SETTING_FIELDS)) {
    const sel = $(id);
    const v = settings[key] === undefined ? '' : String(settings[key]);
    if (![...sel.options].some((o) => o.value === v)) {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = v;
      sel.append(o);
    }
    sel.value = v;
  }
  $('set-format').value = settings.format || 'hex';
  memory.format = settings.format || 'hex';
}

for (const [id, [key, conv]] of Object.entries(SETTING_FIELDS)) {
  $(id).addEventListener('change', (ev) => {
    const v = ev.target.value;
    if (v === '') delete settings[key];
    else settings[key] = conv(v);
    autosave();
    rerun();
  });
}
$('set-format').addEventListener('change', (ev) => {
  settings.format = ev.target.value;
  memory.format = settings.format;
  autosave();
  if (lastState) renderState(lastState);
});

// ---------------------------------------------------------------- running

let editTimer = null;
function onEdit(text) {
  source = text;
  // Once the program is no longer the example, the menu stops naming it.
  const chosen = lessons.find((l) => l.name === $('examples').value);
  if (chosen && chosen.source !== text) {
    $('examples').value = '';
    $('example-info').textContent = '';
    $('example-info').title = '';
  }
  autosave();
  clearTimeout(editTimer);
  const editStart = performance.now();
  editTimer = setTimeout(() => rerun(editStart), 250);
}

async function rerun(editStart) {
  const runId = ++runCounter;
  const text = editor.text;
  const t0 = performance.now();
  status('Running…', 'busy');
  let reply;
  try {
    reply = await engine.run(text, overrides(), runId);
  } catch (e) {
    if (e.message === 'superseded') return;
    status(`The engine failed: ${e.message}`, 'error');
    return;
  }
  if (runId !== runCounter) return;
  if (reply.failed) {
    showDiagnostics([]);
    status(`Settings not accepted: ${reply.failed}`, 'error');
    return;
  }
  editor.showDiagnostics(reply.diagnostics);
  showDiagnostics(reply.diagnostics, reply.stepCount);
  if (reply.outcome === 'compile_error') {
    const n = reply.diagnostics.filter((d) => d.severity === 'error').length;
    status(`The program does not compile (${n} error${n === 1 ? '' : 's'})${run ? ': the memory view shows the last version that did.' : '.'}`, 'error');
    document.body.classList.add('stale');
    $('stale-banner').hidden = !run;
    return;
  }
  document.body.classList.remove('stale');
  $('stale-banner').hidden = true;
  run = reply;
  source = text;
  showEffectiveSettings(run.settings);
  document.body.dataset.memoryMode = run.settings.mode;
  run.leaks = reply.diagnostics.filter((d) => d.kind === 'leak' && d.memory?.block);
  run.report = reply.diagnostics.find((d) => d.kind === 'memory_error' && d.memory) || null;
  drawHeapChart();
  const slider = $('slider');
  slider.max = String(run.stepCount);
  await goTo(Math.min(position, run.stepCount));
  const runtime = reply.diagnostics.find((d) => d.step !== undefined && d.step !== null && d.severity === 'error');
  if (reply.outcome === 'runtime_error') {
    status(`The run stopped after ${run.stepCount.toLocaleString('en')} steps: ${runtime ? runtime.message : 'runtime error'}`, 'error');
  } else {
    status(`Ran ${run.stepCount.toLocaleString('en')} steps in ${Math.round(reply.millis)} ms.`, 'ok');
  }
  const elapsed = performance.now() - (editStart ?? t0);
  timing.edits.push({ total: elapsed, engine: reply.millis, afterDebounce: performance.now() - t0 });
}

// ---------------------------------------------------------------- moving through the run

let wanted = null; // the step asked for while a state request is in flight
let inFlight = false;
let lastState = null;
// States of the steps next to the one shown, fetched ahead so that Step and Back redraw
// at once: key `runId:step`.
const nearby = new Map();

function prefetch(runId, n) {
  const key = `${runId}:${n}`;
  if (n < 0 || n > run.stepCount || nearby.has(key)) return;
  const p = engine.state(runId, n).catch(() => null);
  nearby.set(key, p);
  p.then((st) => { if (!st || st.stale) nearby.delete(key); });
  while (nearby.size > 6) nearby.delete(nearby.keys().next().value);
}

async function goTo(n, clickTime) {
  if (!run) return;
  position = Math.max(0, Math.min(n, run.stepCount));
  $('slider').value = String(position);
  $('step-count').textContent = `step ${position.toLocaleString('en')} of ${run.stepCount.toLocaleString('en')}`;
  wanted = { n: position, clickTime: clickTime ?? performance.now(), runId: run.runId };
  if (inFlight) return;
  inFlight = true;
  while (wanted) {
    const w = wanted;
    wanted = null;
    const asked = performance.now();
    const key = `${w.runId}:${w.n}`;
    const ahead = nearby.get(key);
    nearby.delete(key);
    const state = await (ahead || engine.state(w.runId, w.n)).catch(() => null);
    if (!state || state.stale) continue;
    const got = performance.now();
    renderState(state);
    const done = performance.now();
    timing.steps.push(done - w.clickTime);
    timing.stepParts.push({ fetch: got - asked, render: done - got, ahead: !!ahead });
    if (!wanted && run && run.runId === w.runId) {
      prefetch(w.runId, w.n + 1);
      prefetch(w.runId, w.n - 1);
    }
  }
  inFlight = false;
  autosave();
}

/** The report's marks for the state shown: the accessed bytes where the run stopped, and
 * the block concerned wherever it is drawn. */
function reportMarks(state) {
  const d = run?.report;
  if (!d) return [];
  const m = d.memory;
  const marks = [];
  const atEnd = state.meta.step === run.stepCount;
  const b = m.block;
  const owner = b ? b.label : '';
  if (b) {
    const same = state.meta.blocks.some((x) => x.addr === b.addr && x.alloc_step === b.alloc_step);
    if (atEnd || same) {
      marks.push({
        kind: 'block', region: 'heap', from: b.addr, to: b.addr + Math.max(b.size, 1),
        text: atEnd ? `⚠ ${m.kind}: the block ${owner} (${b.size} B) was here` : `⚠ the block in the ${m.kind} report (${owner})`,
        tip: `the block in the ${m.kind} report: ${owner}, heap[${b.addr}..${b.addr + b.size}]`,
      });
    }
  }
  if (atEnd && m.access) {
    const verb = { read: 'READ', write: 'WRITE', free: 'free' }[m.access];
    marks.push({
      kind: 'access', region: m.region, from: m.addr, to: m.addr + Math.max(m.size, 1),
      text: `▼ ${verb} of ${m.size} B at ${m.region}[${m.addr}]`,
      tip: `${m.kind}: ${verb} of size ${m.size} at ${m.region}[${m.addr}] stopped the run here`,
    });
  }
  return marks;
}

function renderState(state) {
  lastState = state;
  const atEnd = run && state.meta.step === run.stepCount;
  memory.marks = reportMarks(state);
  memory.manual = run?.settings.mode === 'manual';
  memory.leaked = new Set(atEnd ? run.leaks.map((d) => `${d.memory.block.addr}:${d.memory.block.alloc_step}`) : []);
  memory.render(state, (run?.settings.ptr_width === '32') ? 4 : 8);
  markHeapChart(state.meta.step);
  editor.showStep(state.next, state.prev);
  const ctx = { ptrBytes: run?.settings.ptr_width === '32' ? 4 : 8 };
  $('explain').textContent = state.next === null && state.prev
    ? `${explain(state.prev, source, ctx)} The run is over.`
    : explain(state.prev, source, ctx);
  $('output').textContent = state.meta.output || '';
  $('output-empty').hidden = !!state.meta.output;
  renderBlocks(state.meta.blocks);
  document.body.dataset.step = String(state.meta.step);
}

function renderBlocks(blocks) {
  const body = $('blocks-body');
  const liveAt = new Map();
  for (const b of blocks) if (b.state === 'live') liveAt.set(b.addr, (liveAt.get(b.addr) || 0) + 1);
  const rows = blocks.map((b) => {
    const tr = document.createElement('tr');
    const leaked = b.state === 'live' && memory.leaked.has(`${b.addr}:${b.alloc_step}`);
    const shared = b.state === 'live' && liveAt.get(b.addr) > 1;
    tr.className = `${b.state}${leaked ? ' leaked' : ''}${shared ? ' shared' : ''}${b.read_only ? ' ro' : ''}`;
    const cells = [
      `heap[${b.addr}]`,
      String(b.size),
      b.read_only ? 'read-only' : leaked ? 'leaked' : shared ? 'live, shared' : b.state,
      b.label,
      b.read_only ? 'at load' : `step ${(b.alloc_step + 1).toLocaleString('en')}, line ${b.alloc_line}`,
      b.read_only ? 'never' : b.free_step === null || b.free_step === undefined ? '—' : `step ${(b.free_step + 1).toLocaleString('en')}, line ${b.free_line}`,
    ];
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.append(td);
    }
    tr.style.setProperty('--h', hueOf(ownerName(b.label)));
    return tr;
  });
  body.replaceChildren(...rows);
  $('blocks-empty').hidden = blocks.length > 0;
}

function showDiagnostics(list, stepCount) {
  const ul = $('diagnostics');
  ul.replaceChildren(...list.map((d) => {
    const li = document.createElement('li');
    li.className = d.severity;
    const head = document.createElement('button');
    head.className = 'diag-link';
    head.textContent = `${d.severity}${d.code ? `[${d.code}]` : ''}: ${d.message}`;
    head.title = 'Show in the editor';
    head.addEventListener('click', () => {
      editor.view.dispatch({ selection: { anchor: Math.min(d.place.from, editor.view.state.doc.length) }, scrollIntoView: true });
      editor.view.focus();
    });
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = ` line ${d.place.line}:${d.place.col}${d.step !== null && d.step !== undefined ? `, step ${(d.step + 1).toLocaleString('en')}` : ''}`;
    li.append(head, where);
    if (d.memory && d.kind === 'memory_error') {
      li.append(memoryReport(d, stepCount));
    } else if (d.memory && d.kind === 'leak') {
      li.append(leakReport(d));
    } else {
      for (const n of d.notes || []) {
        const note = document.createElement('div');
        note.className = 'diag-note';
        note.textContent = `note: ${n}`;
        li.append(note);
      }
    }
    return li;
  }));
  $('diagnostics-empty').hidden = list.length > 0;
}

/** A button that moves the page to state `n` (after `n` steps have run). */
function stepLink(text, n, name) {
  const a = document.createElement('button');
  a.className = 'step-link';
  a.textContent = text;
  a.dataset.link = name;
  a.dataset.state = String(n);
  a.title = `Go to step ${n.toLocaleString('en')}`;
  a.addEventListener('click', () => {
    stopPlay();
    goTo(n);
  });
  return a;
}

function line(...parts) {
  const div = document.createElement('div');
  div.append(...parts);
  return div;
}

/** A memory error as a sanitizer reports it, with its steps as links. */
function memoryReport(d, stepCount) {
  const m = d.memory;
  const box = document.createElement('div');
  box.className = 'report';
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = `ERROR: ${m.kind}`;
  box.append(line(kind, ` on address ${m.region}[${m.addr}]`));
  const verb = { read: 'READ', write: 'WRITE', free: 'free' }[m.access] || 'access';
  const end = stepCount ?? (d.step ?? 0) + 1;
  box.append(line(`${verb} of size ${m.size} at ${m.region}[${m.addr}], line ${d.place.line}:${d.place.col}, `,
    stepLink(`stopped at step ${(d.step + 1).toLocaleString('en')}`, end, 'stopped')));
  const b = m.block;
  if (b) {
    let where = '';
    if (m.offset !== null && m.offset !== undefined) {
      where = m.offset < 0 ? `${-m.offset} bytes before` : m.offset >= b.size ? `${m.offset - b.size} bytes past the end of` : `${m.offset} bytes inside`;
    }
    box.append(line(`${m.region}[${m.addr}] is ${where} the ${b.size}-byte block heap[${b.addr}..${b.addr + b.size}], owner ${b.label}`));
    box.append(line(`allocated at line ${b.alloc_line} by ${b.by}, `, stepLink(`step ${(b.alloc_step + 1).toLocaleString('en')}`, b.alloc_step + 1, 'allocated')));
    if (b.free_step !== null && b.free_step !== undefined) {
      box.append(line(`freed at line ${b.free_line}, `, stepLink(`step ${(b.free_step + 1).toLocaleString('en')}`, b.free_step + 1, 'freed')));
    }
  }
  const last = (d.notes || []).filter((n) => !/^(heap|stack)\[\d+\] is|^the block was (freed|allocated) at/.test(n));
  for (const n of last) {
    const note = document.createElement('div');
    note.className = 'diag-note';
    note.textContent = `note: ${n}`;
    box.append(note);
  }
  return box;
}

/** A leaked block: its size, owner and the step that allocated it. */
function leakReport(d) {
  const b = d.memory.block;
  const box = document.createElement('div');
  box.className = 'report';
  box.append(line(`${b.size} bytes at heap[${b.addr}] (${b.label}), allocated at line ${b.alloc_line} by ${b.by}, `,
    stepLink(`step ${(b.alloc_step + 1).toLocaleString('en')}`, b.alloc_step + 1, 'allocated')));
  for (const n of d.notes || []) {
    const note = document.createElement('div');
    note.className = 'diag-note';
    note.textContent = n;
    box.append(note);
  }
  return box;
}

// ---------------------------------------------------------------- heap in use over the run

const SVG = 'http://www.w3.org/2000/svg';

/** Draws bytes in live heap blocks per step as a step line under the slider. */
function drawHeapChart() {
  const svg = $('heap-chart-svg');
  const pts = run.heapInUse || [];
  const n = run.stepCount;
  let max = 0;
  for (let i = 1; i < pts.length; i += 2) max = Math.max(max, pts[i]);
  $('heap-chart').hidden = max === 0 || n === 0;
  if (max === 0 || n === 0) return;
  const x = (st) => (st / n) * 100;
  const y = (b) => 38 - (b / max) * 34;
  let d = `M0 40 L0 ${y(0)}`;
  let prevY = y(0);
  for (let i = 0; i < pts.length; i += 2) {
    d += ` L${x(pts[i]).toFixed(3)} ${prevY.toFixed(2)} L${x(pts[i]).toFixed(3)} ${y(pts[i + 1]).toFixed(2)}`;
    prevY = y(pts[i + 1]);
  }
  d += ` L100 ${prevY.toFixed(2)} L100 40 Z`;
  const area = document.createElementNS(SVG, 'path');
  area.setAttribute('class', 'area');
  area.setAttribute('d', d);
  const now = document.createElementNS(SVG, 'line');
  now.setAttribute('class', 'now');
  now.setAttribute('y1', '0');
  now.setAttribute('y2', '40');
  svg.replaceChildren(area, now);
  run.heapMax = max;
  markHeapChart(position);
}

/** Bytes in use after `step` steps, from the change points. */
function heapAt(step) {
  const pts = run?.heapInUse || [];
  let bytes = 0;
  for (let i = 0; i < pts.length && pts[i] <= step; i += 2) bytes = pts[i + 1];
  return bytes;
}

function markHeapChart(step) {
  if (!run || $('heap-chart').hidden) return;
  const now = $('heap-chart-svg').querySelector('.now');
  // Kept off the very edges so that the whole marker stays visible.
  const xx = Math.min(99.4, Math.max(0.6, run.stepCount ? (step / run.stepCount) * 100 : 0));
  now.setAttribute('x1', String(xx));
  now.setAttribute('x2', String(xx));
  $('heap-chart-label').textContent = `heap in use: ${heapAt(step)} B (max ${run.heapMax} B)`;
}

$('heap-chart-svg').addEventListener('click', (ev) => {
  if (!run) return;
  const r = ev.currentTarget.getBoundingClientRect();
  const frac = Math.max(0, Math.min(1, (ev.clientX - r.left) / r.width));
  stopPlay();
  goTo(Math.round(frac * run.stepCount));
});

const step = {
  first: () => goTo(0),
  back: () => goTo(position - 1),
  forward: () => goTo(position + 1),
  over() {
    if (!run || position >= run.stepCount) return;
    const d = run.depths[position];
    let m = position + 1;
    while (m < run.stepCount && run.depths[m] > d) m++;
    goTo(m);
  },
  out() {
    if (!run || position >= run.stepCount) return;
    const d = run.depths[position];
    let m = position + 1;
    while (m < run.stepCount && run.depths[m] >= d) m++;
    goTo(m);
  },
  continue() {
    if (!run) return;
    let m = position + 1;
    while (m < run.stepCount && !breakpoints.has(run.lines[m])) m++;
    goTo(Math.min(m, run.stepCount));
  },
  last: () => run && goTo(run.stepCount),
  play() {
    if (playTimer) {
      stopPlay();
      return;
    }
    if (run && position >= run.stepCount) goTo(0);
    $('btn-play').textContent = '⏸ Pause';
    const tick = () => {
      if (!run || position >= run.stepCount) {
        stopPlay();
        return;
      }
      goTo(position + 1);
      playTimer = setTimeout(tick, 1000 / Number($('speed').value));
    };
    playTimer = setTimeout(tick, 0);
  },
};

function stopPlay() {
  clearTimeout(playTimer);
  playTimer = null;
  $('btn-play').textContent = '▶ Play';
}

const buttons = {
  'btn-first': 'first', 'btn-back': 'back', 'btn-forward': 'forward', 'btn-over': 'over',
  'btn-out': 'out', 'btn-continue': 'continue', 'btn-last': 'last', 'btn-play': 'play',
};
for (const [id, action] of Object.entries(buttons)) {
  $(id).addEventListener('click', () => {
    if (action !== 'play') stopPlay();
    step[action]();
  });
}
$('slider').addEventListener('input', (ev) => {
  stopPlay();
  goTo(Number(ev.target.value));
});

const SHORTCUTS = [
  ['Alt+→ or →', 'forward', 'Step forward (into calls)'],
  ['Alt+← or ←', 'back', 'Step back'],
  ['Alt+↓', 'over', 'Step over a call'],
  ['Alt+↑', 'out', 'Step out of this function'],
  ['Alt+Enter', 'continue', 'Run to the next breakpoint, or to the end'],
  ['Alt+Home', 'first', 'First step'],
  ['Alt+End', 'last', 'Last step'],
  ['Alt+P', 'play', 'Play or pause'],
  ['Alt+B', 'breakpoint', 'Toggle a breakpoint on the cursor’s line'],
  ['?', 'help', 'Show this help'],
];

document.addEventListener('keydown', (ev) => {
  const inEditor = ev.target.closest?.('.cm-editor');
  const inForm = ['INPUT', 'SELECT', 'TEXTAREA'].includes(ev.target.tagName) && ev.target.type !== 'range';
  let action = null;
  if (ev.altKey) {
    action = { ArrowRight: 'forward', ArrowLeft: 'back', ArrowDown: 'over', ArrowUp: 'out', Enter: 'continue',
      Home: 'first', End: 'last', p: 'play', P: 'play', b: 'breakpoint', B: 'breakpoint' }[ev.key];
  } else if (!inEditor && !inForm && !ev.ctrlKey && !ev.metaKey) {
    action = { ArrowRight: 'forward', ArrowLeft: 'back', '?': 'help' }[ev.key];
  }
  if (!action) return;
  ev.preventDefault();
  if (action === 'help') {
    $('help').togglePopover();
  } else if (action === 'breakpoint') {
    editor.toggleBreakpointAtLine(editor.view.state.doc.lineAt(editor.view.state.selection.main.head).number);
  } else {
    if (action !== 'play') stopPlay();
    step[action]();
  }
});

// ---------------------------------------------------------------- examples, share, embed

function loadProgram(text, newSettings, stepN = 0) {
  settings = { ...newSettings };
  showSettings();
  position = stepN;
  editor.setText(text);
  clearTimeout(editTimer);
  rerun();
}

$('examples').addEventListener('change', (ev) => {
  const l = lessons.find((x) => x.name === ev.target.value);
  if (!l) return;
  $('example-info').textContent = l.teaches;
  $('example-info').title = l.teaches;
  loadProgram(l.source, { format: settings.format }, 0);
  ev.target.blur();
});

function shareUrl(page) {
  const frag = encodeShare({ program: editor.text, settings, step: position });
  return new URL(`${page}#${frag}`, location.href).href;
}

async function copyText(text, input, label) {
  input.value = text;
  input.select();
  try {
    await navigator.clipboard.writeText(text);
    label.textContent = 'Copied to the clipboard.';
  } catch {
    label.textContent = 'Select the text and copy it.';
  }
}

$('btn-share').addEventListener('click', () => {
  const url = shareUrl('./');
  history.replaceState(null, '', url);
  $('share-popover').showPopover();
  copyText(url, $('share-url'), $('share-status'));
});

$('btn-embed').addEventListener('click', () => {
  const page = new URL('embed.html', location.href);
  page.search = new URLSearchParams({ editor: 'readonly', step: String(position), autoplay: '0' }).toString();
  const frag = encodeShare({ program: editor.text, settings, step: position });
  const src = `${page.href}#${frag}`;
  const code = `<iframe src="${src.replace(/"/g, '&quot;')}" title="stackheap: memory of a Rust program" width="100%" height="640" style="border:1px solid #ccc;border-radius:6px" loading="lazy"></iframe>`;
  $('embed-popover').showPopover();
  copyText(code, $('embed-code'), $('embed-status'));
});

// ---------------------------------------------------------------- start

function fillHelp() {
  const tbody = $('shortcuts');
  tbody.replaceChildren(...SHORTCUTS.map(([keys, , what]) => {
    const tr = document.createElement('tr');
    const k = document.createElement('td');
    const kbd = document.createElement('kbd');
    kbd.textContent = keys;
    k.append(kbd);
    const w = document.createElement('td');
    w.textContent = what;
    tr.append(k, w);
    return tr;
  }));
}

const editor = new Editor($('editor'), {
  doc: '',
  onChange: onEdit,
  onBreakpoints: (lines) => { breakpoints = lines; },
});

// The example programs come as a file of their own (written by `cargo xtask build` from the
// engine's lessons), fetched while the worker loads the engine.
const lessonsFile = fetch(new URL('lessons.json', import.meta.url)).then((r) => {
  if (!r.ok) throw new Error(`lessons.json: ${r.status}`);
  return r.json();
});

async function start() {
  fillHelp();
  try {
    [lessons] = await Promise.all([lessonsFile, engine.hello()]);
  } catch (e) {
    status(`The engine could not start: ${e.message}`, 'error');
    return;
  }
  const select = $('examples');
  for (const l of lessons) {
    const o = document.createElement('option');
    o.value = l.name;
    o.textContent = l.title;
    o.title = l.teaches;
    select.append(o);
  }
  const init = initialProgram() || { program: lessons[0].source, settings: {}, step: 0 };
  const lesson = lessons.find((l) => l.source === init.program);
  if (lesson) {
    select.value = lesson.name;
    $('example-info').textContent = lesson.teaches;
    $('example-info').title = lesson.teaches;
  }
  let startStep = init.step;
  if (embed) {
    const mode = query.get('editor') || 'readonly';
    if (mode === 'none') document.body.classList.add('no-editor');
    if (mode !== 'edit') editor.setReadOnly(true);
    if (query.has('step')) startStep = Math.max(0, Number.parseInt(query.get('step'), 10) || 0);
    $('open-full').href = `./#${location.hash.slice(1)}`;
  }
  settings = { ...init.settings };
  showSettings();
  position = startStep;
  editor.setText(init.program);
  clearTimeout(editTimer);
  await rerun();
  if (embed && query.get('autoplay') === '1') step.play();
  document.body.dataset.ready = '1';
}

start();
