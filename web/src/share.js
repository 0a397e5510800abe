// Share links: the program, its settings and the current step, compressed with lz-string
// into the URL fragment (nothing goes to a server), and read back with clear errors for a
// damaged or oversized link.
import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

/** Longest fragment accepted, in characters. */
export const MAX_FRAGMENT = 100_000;
/** Longest program accepted from a link, in characters. */
export const MAX_PROGRAM = 200_000;

export function encodeShare({ program, settings, step }) {
  const payload = JSON.stringify({ v: 1, p: program, s: settings || {}, n: step || 0 });
  return `code=${compressToEncodedURIComponent(payload)}`;
}

/**
 * Reads a fragment (without `#`). Returns `null` when it holds no program, `{error}` when
 * it is damaged or too big, else `{program, settings, step}`.
 */
export function decodeShare(fragment) {
  const params = new URLSearchParams(fragment || '');
  const code = params.get('code');
  if (code === null) return null;
  if (fragment.length > MAX_FRAGMENT) {
    return { error: `This link is too long (${fragment.length.toLocaleString('en')} characters; at most ${MAX_FRAGMENT.toLocaleString('en')}), so it was not opened.` };
  }
  let data;
  try {
    const text = decompressFromEncodedURIComponent(code.replace(/ /g, '+'));
    if (!text) throw new Error('empty');
    data = JSON.parse(text);
  } catch {
    return { error: 'This link is damaged (part of it may be missing), so its program could not be read.' };
  }
  if (!data || typeof data.p !== 'string' || data.v !== 1) {
    return { error: 'This link is damaged: it holds no program this page understands.' };
  }
  if (data.p.length > MAX_PROGRAM) {
    return { error: 'The program in this link is too big to open.' };
  }
  const settings = {};
  const s = data.s && typeof data.s === 'object' ? data.s : {};
  for (const key of ['stack_size', 'heap_size', 'max_steps']) {
    if (Number.isInteger(s[key]) && s[key] > 0) settings[key] = s[key];
  }
  if (s.ptr_width === '32' || s.ptr_width === '64') settings.ptr_width = s.ptr_width;
  if (['first-fit', 'best-fit', 'next-fit', 'bump'].includes(s.allocator)) settings.allocator = s.allocator;
  if (['hex', 'dec', 'char'].includes(s.format)) settings.format = s.format;
  if (s.mode === 'rust' || s.mode === 'manual') settings.mode = s.mode;
  if (s.checks === 'checked' || s.checks === 'unchecked') settings.checks = s.checks;
  if (typeof s.deny_leaks === 'boolean') settings.deny_leaks = s.deny_leaks;
  const step = Number.isInteger(data.n) && data.n >= 0 ? data.n : 0;
  return { program: data.p, settings, step };
}
