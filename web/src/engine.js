// The page's side of the engine worker: promise-based requests, and a fresh worker whenever
// a new run is asked for while an old one is still going (so typing never waits on a
// runaway program).
export class Engine {
  constructor(workerUrl) {
    this.workerUrl = workerUrl;
    this.nextId = 1;
    this.pending = new Map();
    this.runsInFlight = 0;
    this.start();
  }

  start() {
    this.worker = new Worker(this.workerUrl, { type: 'module' });
    this.worker.onmessage = (ev) => {
      const { id, ok, reply, error } = ev.data;
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      if (p.type === 'run') this.runsInFlight--;
      ok ? p.resolve(reply) : p.reject(new Error(error));
    };
    this.worker.onerror = (ev) => {
      const err = new Error(ev.message || 'the engine worker failed');
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.runsInFlight = 0;
    };
  }

  request(type, args = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type });
      if (type === 'run') this.runsInFlight++;
      this.worker.postMessage({ id, type, ...args });
    });
  }

  hello() {
    return this.request('hello');
  }

  /** Runs a program. A run still in progress is abandoned: its promise rejects with `superseded`. */
  run(source, overrides, runId) {
    if (this.runsInFlight > 0) {
      this.worker.terminate();
      const err = new Error('superseded');
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.runsInFlight = 0;
      this.start();
    }
    return this.request('run', { source, overrides, runId });
  }

  state(runId, step) {
    return this.request('state', { runId, step });
  }
}
