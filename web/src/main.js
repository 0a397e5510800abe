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
};

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
  showDiagnostics(reply.diagnostics);
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

function renderState(state) {
  lastState = state;
  memory.render(state, (run?.settings.ptr_width === '32') ? 4 : 8);
  editor.showStep(state.next, state.prev);
  $('explain').textContent = state.next === null && state.prev
    ? `${explain(state.prev, source)} The run is over.`
    : explain(state.prev, source);
  $('output').textContent = state.meta.output || '';
  $('output-empty').hidden = !!state.meta.output;
  renderBlocks(state.meta.blocks);
  document.body.dataset.step = String(state.meta.step);
}

function renderBlocks(blocks) {
  const body = $('blocks-body');
  const rows = blocks.map((b) => {
    const tr = document.createElement('tr');
    tr.className = b.state;
    const cells = [
      `heap[${b.addr}]`,
      String(b.size),
      b.state,
      b.label,
      `step ${b.alloc_step}, line ${b.alloc_line}`,
      b.free_step === null || b.free_step === undefined ? '—' : `step ${b.free_step}, line ${b.free_line}`,
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

function showDiagnostics(list) {
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
    where.textContent = ` line ${d.place.line}:${d.place.col}${d.step !== null && d.step !== undefined ? `, step ${d.step}` : ''}`;
    li.append(head, where);
    for (const n of d.notes || []) {
      const note = document.createElement('div');
      note.className = 'diag-note';
      note.textContent = `note: ${n}`;
      li.append(note);
    }
    return li;
  }));
  $('diagnostics-empty').hidden = list.length > 0;
}

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

async function start() {
  fillHelp();
  let hello;
  try {
    hello = await engine.hello();
  } catch (e) {
    status(`The engine could not start: ${e.message}`, 'error');
    return;
  }
  lessons = hello.lessons;
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
