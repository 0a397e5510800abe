// Turns one recorded step into a plain-English sentence: what the statement did to the
// stack and the heap ("24 bytes allocated at heap[32], 12 copied, heap[0..12] freed").

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function eventText(e) {
  switch (e.kind) {
    case 'stack_length':
      return e.to > e.from
        ? `stack_length grows ${e.from} → ${e.to} (${plural(e.to - e.from, 'byte')} reserved)`
        : `stack_length shrinks ${e.from} → ${e.to} (${plural(e.from - e.to, 'byte')} given back)`;
    case 'write':
      return `${plural(e.bytes.length, 'byte')} written at ${e.region}[${e.addr}]`;
    case 'copy':
      return `${plural(e.len, 'byte')} copied from ${e.from_region}[${e.from}] to ${e.to_region}[${e.to}]`;
    case 'alloc':
      return `${plural(e.size, 'byte')} allocated at heap[${e.addr}] for ${e.label}`;
    case 'dealloc':
      return `heap[${e.addr}..${e.addr + e.size}] freed (${e.label})`;
    case 'output':
      return `prints ${JSON.stringify(e.text)}`;
    case 'call':
      return `calls ${e.function}(), whose frame starts at stack[${e.frame_base}]`;
    case 'return':
      return `${e.function}() returns`;
    case 'owner':
      return `the block at heap[${e.addr}] now belongs to ${e.label}`;
    case 'error':
      return `the run stops: ${e.message}`;
    default:
      return e.kind;
  }
}

/** A sentence for `step` (a recorded step with `place` and `events`) in `source`. */
export function explain(step, source) {
  if (!step) return 'Nothing has run yet: press Step (→) to run the first statement.';
  let code = source.slice(step.place.from, step.place.to).replace(/\s+/g, ' ').trim();
  if (code.length > 60) code = `${code.slice(0, 57)}…`;
  const lead = {
    statement: `Line ${step.line}, \`${code}\``,
    condition: `Line ${step.line}, the condition \`${code}\``,
    resume: `Line ${step.line}, back in ${step.function}() after the call`,
    scope_end: `Line ${step.line}, end of a scope in ${step.function}(): owners dropped, stack bytes given back`,
  }[step.kind] || `Line ${step.line}`;
  const ev = step.events;
  if (ev.length === 0) return `${lead}: nothing in memory changed.`;
  const kinds = new Set(ev.map((e) => e.kind));
  let prefix = '';
  if (kinds.has('alloc') && kinds.has('copy') && kinds.has('dealloc')) {
    prefix = 'the Vec is full, so its elements move: ';
  }
  return `${lead}: ${prefix}${ev.map(eventText).join('; ')}.`;
}
