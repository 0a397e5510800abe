// Unit tests of share-link encoding and of the step sentences, run with node's test runner
// (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeShare, decodeShare, MAX_FRAGMENT } from '../src/share.js';
import { explain } from '../src/explain.js';

test('a share link round-trips program, settings and step', () => {
  const program = 'fn main() {\n    let v = vec![1, 2, 3]; // é ✓ <b>not html</b>\n}\n';
  const frag = encodeShare({ program, settings: { ptr_width: '32', heap_size: 4096, format: 'dec' }, step: 7 });
  assert.match(frag, /^code=[A-Za-z0-9+\-$]+$/);
  assert.deepEqual(decodeShare(frag), {
    program,
    settings: { ptr_width: '32', heap_size: 4096, format: 'dec' },
    step: 7,
  });
});

test('no code in the fragment means no shared program', () => {
  assert.equal(decodeShare(''), null);
  assert.equal(decodeShare('other=1'), null);
});

test('damaged links are reported, not thrown', () => {
  const good = encodeShare({ program: 'fn main() {}\n', settings: {}, step: 0 });
  for (const bad of ['code=', 'code=%%%', 'code=garbage!!', good.slice(0, good.length - 12)]) {
    const r = decodeShare(bad);
    assert.ok(r && r.error, `${bad} gives an error`);
    assert.match(r.error, /damaged/);
  }
});

test('oversized links are refused', () => {
  const r = decodeShare(`code=${'A'.repeat(MAX_FRAGMENT)}`);
  assert.match(r.error, /too long/);
});

test('unknown settings in a link are dropped', () => {
  const frag = encodeShare({ program: 'fn main() {}', settings: { ptr_width: '16', allocator: 'magic', stack_size: -5, heap_size: 2048 }, step: -3 });
  assert.deepEqual(decodeShare(frag), { program: 'fn main() {}', settings: { heap_size: 2048 }, step: 0 });
});

test('a relocation is explained as the elements moving', () => {
  const source = 'v.push(4);';
  const step = {
    kind: 'statement', line: 3, function: 'main', place: { from: 0, to: 9 },
    events: [
      { kind: 'alloc', addr: 32, size: 24, align: 4, label: '`v`' },
      { kind: 'copy', from_region: 'heap', from: 0, to_region: 'heap', to: 32, len: 12 },
      { kind: 'write', region: 'heap', addr: 44, bytes: [4, 0, 0, 0] },
      { kind: 'dealloc', addr: 0, size: 12, label: '`v`' },
    ],
  };
  assert.equal(explain(step, source),
    'Line 3, `v.push(4)`: the Vec is full, so its elements move: 24 bytes allocated at heap[32] for `v`; '
    + '12 bytes copied from heap[0] to heap[32]; 4 bytes written at heap[44]; heap[0..12] freed (`v`).');
  assert.match(explain(null, source), /Nothing has run yet/);
});

test('a Vec\'s metadata is sized by the run\'s pointer width, not fixed at 24 bytes', () => {
  const source = 'let v = vec![1, 2, 3];';
  const step = (pw) => ({
    kind: 'statement', line: 2, function: 'main', place: { from: 0, to: 22 },
    events: [
      { kind: 'alloc', addr: 0, size: 12, align: 4, label: '`v`' },
      { kind: 'write', region: 'heap', addr: 0, bytes: new Array(12).fill(0) },
      { kind: 'write', region: 'stack', addr: 0, bytes: new Array(3 * pw).fill(0) },
    ],
  });
  assert.match(explain(step(8), source, { ptrBytes: 8 }), /pointer, length and capacity \(24 bytes at 64-bit pointers\)/);
  assert.match(explain(step(4), source, { ptrBytes: 4 }), /pointer, length and capacity \(12 bytes at 32-bit pointers\)/);
  assert.doesNotMatch(explain(step(4), source, { ptrBytes: 4 }), /24/);
});

test('mode, checks and deny-leaks travel in share links', () => {
  const frag = encodeShare({ program: 'fn main() {}', settings: { mode: 'manual', checks: 'unchecked', deny_leaks: true }, step: 0 });
  assert.deepEqual(decodeShare(frag).settings, { mode: 'manual', checks: 'unchecked', deny_leaks: true });
});
