// Turns one recorded step into a plain-English sentence: what the statement did to the
// stack and the heap ("24 bytes allocated at heap[32], 12 copied, heap[0..12] freed").

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function eventText(e, ctx) {
  const pw = ctx?.ptrBytes || 8;
  switch (e.kind) {
    case 'stack_length':
      return e.to > e.from
        ? `stack_length grows ${e.from} → ${e.to} (${plural(e.to - e.from, 'byte')} reserved)`
        : `stack_length shrinks ${e.from} → ${e.to} (${plural(e.from - e.to, 'byte')} given back)`;
    case 'write':
      // A Vec's metadata is three pointer-sized fields: 24 bytes at 64-bit pointers, 12 at 32.
      if (e.region === 'stack' && e.bytes.length === 3 * pw && ctx?.vecMeta) {
        return `the ${ctx.stringMeta ? 'String' : 'Vec'}'s pointer, length and capacity (${plural(3 * pw, 'byte')} at ${pw * 8}-bit pointers) written at stack[${e.addr}]`;
      }
      return `${plural(e.bytes.length, 'byte')} written at ${e.region}[${e.addr}]`;
    case 'copy':
      return `${plural(e.len, 'byte')} copied from ${e.from_region}[${e.from}] to ${e.to_region}[${e.to}]`;
    case 'alloc':
      return `${plural(e.size, 'byte')} allocated at heap[${e.addr}] for ${e.label}`;
    case 'dealloc':
      return `heap[${e.addr}..${e.addr + e.size}] freed (${e.label})`;
    case 'stderr':
      return `prints ${JSON.stringify(e.text)} on stderr`;
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

/**
 * A sentence for `step` (a recorded step with `place` and `events`) in `source`; `ctx`
 * gives the run's pointer size in bytes (`{ptrBytes: 8}` by default).
 */
export function explain(step, source, ctx = {}) {
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
  // `push_str`, `push('c')`, `+ "..."` and `String::` work on a String's buffer; the rest on a Vec's.
  const stringy = /push_str|push\('|\+ *"|String::|to_string|format!/.test(code);
  if (kinds.has('alloc') && kinds.has('copy') && kinds.has('dealloc')) {
    prefix = stringy
      ? 'the String\'s buffer is full, so its bytes move: '
      : 'the Vec is full, so its elements move: ';
  }
  // A step that allocates a block and writes three pointers' worth of stack bytes is
  // storing a Vec's metadata.
  const c = { ...ctx, vecMeta: kinds.has('alloc') || kinds.has('owner'), stringMeta: stringy };
  const pw = c.ptrBytes || 8;
  const metaWrites = ev.filter((e) => e.kind === 'write' && e.region === 'stack' && e.bytes.length === 3 * pw).length;
  if (metaWrites !== 1) c.vecMeta = false;
  return `${lead}: ${prefix}${ev.map((e) => eventText(e, c)).join('; ')}.`;
}
