// The Web Worker that runs programs: it owns the WebAssembly engine, so a long or endless
// run (up to the step limit) never blocks the page. It keeps the last run that compiled, so
// a program with compile errors still leaves the last good trace to step through.
import init, { Session, defaultSettings } from '../pkg/stackheap.js';

const ready = init({ module_or_path: new URL('stackheap_bg.wasm', self.location.href) });
let good = null; // the last Session whose program compiled
let goodId = 0;

function stepInfo(session, index) {
  if (index < 0 || index >= session.stepCount()) return null;
  const list = session.steps(index, index + 1);
  return list[0] || null;
}

const handlers = {
  hello() {
    return { defaults: defaultSettings() };
  },
  run({ source, overrides, runId }) {
    let session;
    try {
      session = new Session(source, overrides || null);
    } catch (e) {
      return { runId, failed: String(e.message || e) };
    }
    const outcome = session.outcome();
    const diagnostics = session.diagnostics();
    const reply = {
      runId,
      outcome,
      diagnostics,
      settings: session.settings(),
      millis: session.runMillis(),
    };
    if (outcome === 'compile_error') {
      session.free();
      reply.kept = good ? goodId : null;
      return reply;
    }
    if (good) good.free();
    good = session;
    goodId = runId;
    const lines = session.stepLines();
    const depths = session.stepDepths();
    const heapInUse = session.heapInUse();
    Object.assign(reply, { stepCount: session.stepCount(), lines, depths, heapInUse, output: session.output() });
    return [reply, [lines.buffer, depths.buffer, heapInUse.buffer]];
  },
  state({ runId, step }) {
    if (!good || runId !== goodId) return { stale: true };
    const meta = session_goTo(step);
    // Only the parts worth drawing cross over, not the whole arrays.
    const stack = good.stackBytes(meta.stack_extent);
    const heap = good.heapBytes(meta.heap_extent);
    const stackInit = good.stackInit(meta.stack_extent);
    const heapInit = good.heapInit(meta.heap_extent);
    const reply = {
      runId,
      meta,
      stack,
      heap,
      stackInit,
      heapInit,
      prev: stepInfo(good, meta.step - 1),
      next: stepInfo(good, meta.step),
    };
    return [reply, [stack.buffer, heap.buffer, stackInit.buffer, heapInit.buffer]];
  },
};

function session_goTo(step) {
  return good.goTo(Math.max(0, Math.floor(step)));
}

self.onmessage = async (ev) => {
  const { id, type, ...args } = ev.data;
  try {
    await ready;
    const out = handlers[type](args);
    const [reply, transfer] = Array.isArray(out) ? out : [out, []];
    self.postMessage({ id, ok: true, reply }, transfer);
  } catch (e) {
    self.postMessage({ id, ok: false, error: String((e && e.stack) || e) });
  }
};
